"""The test double of awsglue.utils: getResolvedOptions as Glue 5.0 runs it (scripts/launch_job.py installs
this module as awsglue.utils).

Our own code, written from the behaviour of awslabs/aws-glue-libs, branch glue-5.0, awsglue/utils.py
(getResolvedOptions) and awsglue/job.py (the reserved option lists), and from the AWS Glue guide "Using job
parameters in AWS Glue jobs". The rules it keeps, in the library's order:

- job-bookmark-option, continuation-option, job-bookmark-from and job-bookmark-to cannot be requested
  (RuntimeError "Using reserved arguments ...").
- The library then registers, as optional arguments, the bookmark and continuation options (with their
  choices), --job-bookmark-from/--job-bookmark-to, --JOB_ID, --JOB_RUN_ID, --SECURITY_CONFIGURATION,
  --encryption-type (choice sse-s3), --enable-data-lineage, --RedshiftTempDir and --TempDir. Its guard
  for the id options compares '--JOB_ID' with the requested bare names, so it never fires: requesting
  JOB_RUN_ID (or JOB_ID, SECURITY_CONFIGURATION, encryption-type, enable-data-lineage) reaches argparse,
  which refuses the second registration: "argument --JOB_RUN_ID: conflicting option string: --JOB_RUN_ID".
- Every other requested name becomes a required --NAME (TempDir and RedshiftTempDir stay optional).
- Arguments are parsed with parse_known_args (Glue passes many the job never asks for), abbreviations
  allowed (argparse's default, which Glue 6.0 turned off); a parse error is GlueArgumentError.
- The answer holds every parsed argument, asked for or not (JOB_RUN_ID among them, None when absent),
  with TempDir and RedshiftTempDir mirrored, continuation_option folded into job_bookmark_option
  (default job-bookmark-disable) and the bookmark range checked.
"""

import argparse

BOOKMARK = "job-bookmark-option"
BOOKMARK_CHOICES = ("job-bookmark-enable", "job-bookmark-pause", "job-bookmark-disable")
CONTINUATION = "continuation-option"
CONTINUATION_CHOICES = ("continuation-enabled", "continuation-readonly", "continuation-ignore")
BOOKMARK_RANGE = ("job-bookmark-from", "job-bookmark-to")
# Registered as optional whatever the job asks: the library does not check requests against these.
GLUE_OPTIONAL = ("JOB_ID", "JOB_RUN_ID", "SECURITY_CONFIGURATION")
TEMP_DIRS = ("RedshiftTempDir", "TempDir")


class GlueArgumentError(Exception):
    """What the library raises instead of argparse's exit."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise GlueArgumentError(message)


def getResolvedOptions(args, options):  # noqa: N802 - the library's name
    for reserved in (BOOKMARK, CONTINUATION, *BOOKMARK_RANGE):
        if reserved in options:
            raise RuntimeError(f"Using reserved arguments {reserved}")

    parser = _Parser()
    parser.add_argument(f"--{BOOKMARK}", choices=BOOKMARK_CHOICES, required=False)
    parser.add_argument(f"--{CONTINUATION}", choices=CONTINUATION_CHOICES, required=False)
    for name in (*BOOKMARK_RANGE, *GLUE_OPTIONAL):
        parser.add_argument(f"--{name}", required=False)
    parser.add_argument("--encryption-type", choices=("sse-s3",))
    parser.add_argument("--enable-data-lineage", required=False)
    for name in TEMP_DIRS:
        parser.add_argument(f"--{name}", required=False)
    for name in options:
        if name not in TEMP_DIRS:
            parser.add_argument(f"--{name}", required=True)  # a reserved name: argparse.ArgumentError

    resolved = vars(parser.parse_known_args(args[1:])[0])

    temp_dir = resolved["TempDir"] if resolved["TempDir"] is not None else resolved["RedshiftTempDir"]
    if temp_dir is not None:
        resolved["TempDir"] = resolved["RedshiftTempDir"] = temp_dir

    continuation = resolved.pop("continuation_option")
    if resolved["job_bookmark_option"] is None:
        resolved["job_bookmark_option"] = (
            BOOKMARK_CHOICES[CONTINUATION_CHOICES.index(continuation)] if continuation else BOOKMARK_CHOICES[2])
    absent = [f"--{name}" for name in BOOKMARK_RANGE if resolved[name.replace("-", "_")] is None]
    if resolved["job_bookmark_option"] == "job-bookmark-pause":
        if len(absent) == 1:
            raise RuntimeError(f"Missing option or value for {absent[0]}")
    elif not absent:
        raise RuntimeError("Invalid option(s)" + " ".join(f"--{name}" for name in BOOKMARK_RANGE))
    return resolved
