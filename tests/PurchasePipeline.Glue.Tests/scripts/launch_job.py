"""Launches the Glue job as Glue 5.0 does: sys.argv as Glue builds it, then the job's main(), with the
stand-ins of glue_fakes for Spark, the Glue context and boto3, and glue_args as awsglue.utils.

usage: launch_job.py JOB_SCRIPT S3_ROOT STOP_PREFIX [SCENARIO] -- ARGUMENT...
  S3_ROOT      folder holding the fake S3's buckets (ROOT/BUCKET/KEY)
  STOP_PREFIX  stop at the first recorded call whose path starts with it (e.g. "pyspark." for the first
               Spark call); "-" runs main() to its end
  SCENARIO     a JSON file: run on scripted_glue's row-carrying Spark and Glue instead of the recorders
               ({"sql": GLUE_SQL_DIR, "rules": GLUE_VALIDATION_DIR, "views": {VIEW: [ROW]}, "offending": {RULE: N}})
  ARGUMENT...  the job's sys.argv[1:]
The package is importable only from the objects --extra-py-files names (S3_ROOT/BUCKET/KEY), as on Glue.
stdout: {"outcome": "stopped"|"completed"|"failed", "at": call path, "message": text, "calls": [...]};
exit 1, with the message on stderr, when main() raised or exited with an error.
"""

import json
import sys
import traceback
from pathlib import Path

import glue_fakes
import scripted_glue
from inspect_job import load_job


def extra_py_files(s3_root: Path, argv: list[str]) -> list[str]:
    """Where the objects of --extra-py-files are in the folder S3: Glue copies each and puts it on sys.path (a .zip
    through zipimport), before the script runs; without the argument the script finds no package."""
    if "--extra-py-files" not in argv:
        return []
    uris = argv[argv.index("--extra-py-files") + 1].split(",")
    return [str(s3_root / uri.removeprefix("s3://")) for uri in uris]


def main() -> None:
    if "--" not in sys.argv[4:6]:
        sys.exit(__doc__)
    script, s3_root, stop = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    separator = sys.argv.index("--", 4)
    recorder = glue_fakes.install(s3_root, None if stop == "-" else stop)
    if separator == 5:
        scripted_glue.install(s3_root, Path(sys.argv[4]))
    argv = sys.argv[separator + 1:]
    job = load_job(script, extra_py_files(s3_root, argv))
    sys.argv = [script, *argv]
    result: dict = {"outcome": "completed"}
    try:
        job.main()
    except glue_fakes.StopLaunch as stopped:
        result = {"outcome": "stopped", "at": stopped.path}
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            result = {"outcome": "failed", "message": str(exit_.code)}
    except Exception as error:  # noqa: BLE001 - the launch reports whatever the job raised
        result = {"outcome": "failed", "message": f"{type(error).__name__}: {error}"}
        traceback.print_exc()
    result["calls"] = recorder.calls
    print(json.dumps(result))
    if result["outcome"] == "failed":
        print(result["message"], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
