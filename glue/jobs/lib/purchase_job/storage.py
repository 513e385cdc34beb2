"""Arguments, SQL files and S3 objects (boto3)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

try:  # Glue provides these; the repository's tests import the package without them, for its pure helpers.
    from awsglue.utils import getResolvedOptions
    from botocore.exceptions import BotoCoreError, ClientError
except ModuleNotFoundError:
    pass

from purchase_job.contract import (
    HEADER_PROBE_BYTES, JobArgs, JobInputError, LAKE_MANIFESTS, LAKE_STAGING, Lake, QuarantinedObject,
    RawObject, S3Client, SQL_FILE, UnreadableObject, log,
)
from purchase_job.headers import check_raw_key, is_csv, parse_header
from purchase_job.manifest import manifest_text
from purchase_job.plan import as_folder, split_s3_uri


def resolve_args(argv: Sequence[str]) -> tuple[JobArgs, dict[str, str]]:
    """The job's arguments, and the raw dict Job.init wants.

    JOB_RUN_ID is read, never requested: Glue 5.0's getResolvedOptions registers --JOB_ID, --JOB_RUN_ID
    and --SECURITY_CONFIGURATION itself, as optional arguments, and then adds every requested name as a
    required one, so requesting JOB_RUN_ID fails in argparse ("conflicting option string") before the
    job starts. It returns every argument it parsed, requested or not, None when absent
    (awslabs/aws-glue-libs, branch glue-5.0, awsglue/utils.py and awsglue/job.py).
    """
    optional = [name for name in ("sql_path", "validation_path", "users_path") if f"--{name}" in argv]
    raw = getResolvedOptions(list(argv), ["JOB_NAME", "raw_path", "lake_path", *optional])
    if not raw.get("JOB_RUN_ID"):
        raise JobInputError("--JOB_RUN_ID is missing: Glue passes it to every job run")
    for name in ("raw_path", "lake_path", "users_path"):
        if name in raw:
            split_s3_uri(raw[name])  # a one-line error now rather than a Spark error later
    args = JobArgs(
        job_name=raw["JOB_NAME"],
        run_id=raw["JOB_RUN_ID"],
        raw_path=as_folder(raw["raw_path"]),
        lake_path=as_folder(raw["lake_path"]),
        sql_path=raw.get("sql_path"),
        validation_path=raw.get("validation_path"),
        users_path=as_folder(raw["users_path"]) if "users_path" in raw else None,
    )
    return args, raw


def list_keys(s3: S3Client, bucket: str, prefix: str) -> list[str]:
    """Every object key under prefix."""
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return [item["Key"] for page in pages for item in page.get("Contents", [])]


def csv_uris_under(s3: S3Client, folder: str) -> list[str]:
    bucket, prefix = split_s3_uri(folder)
    return [f"s3://{bucket}/{key}" for key in list_keys(s3, bucket, prefix) if key.lower().endswith(".csv")]


def has_objects(s3: S3Client, bucket: str, prefix: str) -> bool:
    return s3.list_objects_v2(Bucket=bucket, Prefix=prefix, MaxKeys=1).get("KeyCount", 0) > 0


def read_sql_files(s3: S3Client, sql_path: str | None, names: re.Pattern[str] = SQL_FILE) -> dict[str, str]:
    """The files of a SQL folder whose names match names (name -> text): an S3 prefix, a directory, or the
    working directory."""
    if sql_path is not None and sql_path.startswith("s3://"):
        bucket, prefix = split_s3_uri(as_folder(sql_path))
        found = [key[len(prefix):] for key in list_keys(s3, bucket, prefix)]
        return {
            name: s3.get_object(Bucket=bucket, Key=prefix + name)["Body"].read().decode("utf-8")
            for name in found
            if names.match(name)
        }
    folder = Path(sql_path) if sql_path is not None else Path.cwd()
    if not folder.is_dir():
        raise JobInputError(f"{folder}: the SQL folder does not exist")
    return {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()
            if path.is_file() and names.match(path.name)}


def probe_object(s3: S3Client, bucket: str, key: str) -> RawObject | QuarantinedObject:
    """The object with its ETag and, for CSV, its checked header (one request); or, when the job cannot
    read it, the object quarantined with why."""
    head = None
    if is_csv(key):
        response = s3.get_object(Bucket=bucket, Key=key, Range=f"bytes=0-{HEADER_PROBE_BYTES - 1}")
        head = response["Body"].read()
    else:
        response = s3.head_object(Bucket=bucket, Key=key)
    etag = response["ETag"].strip('"')
    try:
        check_raw_key(key)
        header = None if head is None else parse_header(key, head, whole_object=len(head) < HEADER_PROBE_BYTES)
    except UnreadableObject as unreadable:
        return QuarantinedObject(key=key, etag=etag, reason=unreadable.reason)
    return RawObject(key=key, etag=etag, header=header)


def probe_objects(s3: S3Client, bucket: str, keys: Iterable[str]) -> tuple[list[RawObject], list[QuarantinedObject]]:
    """The new objects the run reads, and those it quarantines, each once, in key order."""
    probed = [probe_object(s3, bucket, key) for key in sorted(set(keys))]
    for item in probed:
        if isinstance(item, QuarantinedObject):
            log.warning("quarantined %s: %s", item.key, item.reason)
    return ([item for item in probed if isinstance(item, RawObject)],
            [item for item in probed if isinstance(item, QuarantinedObject)])


def write_manifest(s3: S3Client, lake: Lake, manifest: Mapping[str, object]) -> None:
    key = lake.key(f"{LAKE_MANIFESTS}{manifest['run_id']}.json")
    s3.put_object(Bucket=lake.bucket, Key=key, Body=manifest_text(manifest).encode("utf-8"),
                  ContentType="application/json")
    log.info("wrote s3://%s/%s", lake.bucket, key)


def drop_staging(s3: S3Client, lake: Lake, run_id: str) -> None:
    """Delete the run's staging copy. Best effort: the output is published or, the run having failed, never
    will be (the next run stages its own)."""
    try:
        keys = list_keys(s3, lake.bucket, lake.key(f"{LAKE_STAGING}{run_id}/"))
        for start in range(0, len(keys), 1000):
            batch = [{"Key": key} for key in keys[start:start + 1000]]
            s3.delete_objects(Bucket=lake.bucket, Delete={"Objects": batch, "Quiet": True})
    except (BotoCoreError, ClientError) as error:
        log.warning("could not delete %s: %s", lake.uri(f"{LAKE_STAGING}{run_id}/"), error)
