"""AWS Glue 5.0 job (Spark 3.5, Python 3.11): clean the purchase files that arrived since the last run.

Reads the raw objects under --raw_path that the job bookmark has not seen yet (CSV and JSON lines), runs
the transform SQL (glue/sql/NN_name.sql, the same files DuckDB runs in the local plane) with Spark SQL and
writes the lake: clean/purchases/ (appended), rejected/purchases/run_id=R/, aggregates/NAME/ (only the
purchase dates this run touched are replaced) and manifests/R.json. The bookmark is committed last, so a
failed run's files are read again by the next run; the SQL drops rows the clean table already holds and
rejected rows whose fingerprint the rejected table holds, so reading a file twice never adds its rows twice.

Arguments (Glue adds JOB_NAME and JOB_RUN_ID itself):
  --raw_path    s3://BUCKET/raw/              where purchase files land: *.csv and *.jsonl, at any depth
  --lake_path   s3://BUCKET/                  root of clean/, rejected/, aggregates/, manifests/, _staging/
  --sql_path    s3://BUCKET/PREFIX/ or DIR    optional: where the transform SQL is; default the working
                                              directory, where Glue copies the files given in --extra-files
  --validation_path  s3://BUCKET/PREFIX/ or DIR  optional: where the data-quality rules (glue/validation) are;
                                              default the working directory, as --sql_path
  --users_path  s3://BUCKET/reference/users/  optional: the user dimension (CSV); empty without it

A new object the job cannot read (a CSV header that lacks a raw column or has an unknown or repeated one,
an empty or headerless file, an object that is not .csv, .csv.gz or .jsonl, a key Spark reads as a glob)
is quarantined: left where it is, listed in the manifest's "quarantined" field with a one-line reason, and
bookmarked with the rest, so it never blocks the batch nor is read again until it is uploaded again (a new
version, which the bookmark sees as new). So is an object whose content Spark's read fails on although its
header passed (read_batch). The run goes on with the other objects; the pipeline fails the
execution of that object alone (GetJobRun: RawObjectQuarantinedException). An unusable argument or SQL
folder ends the run with a one-line message and exit code 1, before anything is written.

Write-audit-publish: the run's output is staged under _staging/R/ and audited with the data-quality rules of
glue/validation (the files Athena and the local plane run) before any of it is published. A broken rule ends
the run with exit code 1 and one line naming each broken rule and its count: nothing is published, no manifest
is written and the bookmark is not committed, so the next run reads the same objects again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import sys
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import reduce
from pathlib import Path
from typing import Any

try:  # Glue provides these. The repository's tests import this module without them, for its pure helpers.
    import boto3
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from botocore.exceptions import BotoCoreError, ClientError
    from py4j.protocol import Py4JJavaError
    from pyspark.context import SparkContext
    from pyspark.errors import PySparkException
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import MapType, StringType, StructField, StructType
    from pyspark.sql.window import Window
except ModuleNotFoundError as missing:
    GLUE_MISSING: ModuleNotFoundError | None = missing
else:
    GLUE_MISSING = None
    # What a failed Spark action raises in PySpark 3.5: Py4J's error for a failed job (SparkException), or one of
    # PySpark's own (pyspark/errors/exceptions/captured.py converts AnalysisException and the like).
    SPARK_JOB_ERRORS = (Py4JJavaError, PySparkException)

log = logging.getLogger("clean_purchases")

# boto3's S3 client; Glue ships no type stubs for it.
S3Client = Any

# PurchaseSchema and UserSchema (src/PurchasePipeline.Core/Schema): the columns of a raw purchase file and
# of a users file, in file order. Python cannot read the C#; PurchasePipeline.Glue.Tests checks they agree.
RAW_COLUMNS: tuple[str, ...] = (
    "user_id", "session_id", "category", "brand", "cost_price", "selling_price", "discount", "timestamp",
    "referrer", "device_type", "os", "browser", "ip_address", "payment_method",
)
USER_COLUMNS: tuple[str, ...] = (
    "user_id", "age", "gender", "education", "marital_status", "occupation", "interests", "email",
    "phone_number", "city", "language",
)

# The runner's side of glue/sql/README.md: the views it provides and the views it writes.
SQL_FILE = re.compile(r"^[0-9]+_([a-z][a-z0-9_]*)\.sql$")
RAW_VIEW = "raw_purchases"
EXISTING_VIEW = "existing_purchases"
EXISTING_REJECTED_VIEW = "existing_rejected"
USERS_VIEW = "users"
CLEAN_VIEW = "clean_purchases"
REJECTED_VIEW = "rejected_purchases"
AGGREGATE_PREFIX = "agg_daily_"
# glue/sql/README.md, "Binding order": the views the runner binds before any file, in order, and the view whose
# valid rows' purchase dates say which partitions of the clean table existing_purchases holds.
RUNNER_INPUTS = (RAW_VIEW, USERS_VIEW, EXISTING_REJECTED_VIEW)
DATES_VIEW = "typed_purchases"

# The runner's side of glue/validation/README.md: a rule is NAME.sql, and these are the tables it reads besides
# clean_purchases and rejected_purchases.
RULE_FILE = re.compile(r"^([a-z][a-z0-9_]*)\.sql$")
RUN_MANIFESTS_VIEW = "run_manifests"
RUN_PARTITIONS_VIEW = "run_partitions"
RUN_MANIFESTS_DDL = "run_id string, rows_in bigint, rows_clean bigint, rows_rejected bigint, rows_deduplicated bigint"
# purchase_date is text, as in Athena's run_partitions view: the rules CAST it to DATE.
RUN_PARTITIONS_DDL = "run_id string, purchase_date string, row_count bigint"

# The lake's prefixes under --lake_path, each LAKE_X the C# LakePrefixes.X (src/PurchasePipeline.Core/Lake):
# Python cannot read the C#; PurchasePipeline.Glue.Tests checks they agree and that no other literal retypes one.
LAKE_CLEAN_PURCHASES = "clean/purchases/"
LAKE_REJECTED_PURCHASES = "rejected/purchases/"
LAKE_AGGREGATES = "aggregates/"
LAKE_MANIFESTS = "manifests/"
LAKE_STAGING = "_staging/"

# Words of a failed Spark job's message that put the failure on the cluster or on S3, not on the object being
# read: such a failure of one object read on its own ends the run, naming the object, instead of quarantining it.
INFRASTRUCTURE_FAILURES = (
    "AmazonS3Exception", "S3Exception", "SdkClientException", "AccessDenied", "Access Denied", "SlowDown",
    "Slow Down", "Service Unavailable", "ExecutorLostFailure", "SocketTimeoutException", "Connection reset",
)
MAX_REASON_LENGTH = 500
SPARK_JOB_FAILURE = "org.apache.spark.SparkException"
JAVA_EXCEPTION = re.compile(r"\b[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+\.[A-Z][A-Za-z0-9]*(Exception|Error)\b")

HEADER_PROBE_BYTES = 65536
GLOB_CHARACTERS = frozenset("*?[]{}\\")
# The columns clean_purchases looks existing_purchases up by; enough to run the SQL once and learn the
# clean table's full shape from it (the local plane's TransformShapes does the same).
CLEAN_LOOKUP_DDL = "purchase_id string, purchase_date date"
# The one column of the rejected table that rejected_purchases looks rows up by: the row's fingerprint.
REJECTED_LOOKUP_DDL = "reject_id string"
CORRUPT_RECORD = "_corrupt_record"
# The column Glue adds to each record of the discovery source: the URI of the record's file.
SOURCE_FILE_COLUMN = "_source_file"
READ_ORDER = "_read_order"
# Discovery reads every object as plain lines: no quoting, and a separator no purchase file contains.
LINE_SEPARATOR = "\u001f"


class JobInputError(Exception):
    """An argument or the SQL the job was given is unusable; reported as one line, exit 1."""


class DataQualityCheckFailed(Exception):
    """The staged output broke data-quality rules: nothing is published and the bookmark is not committed.

    str() is one line in the words of the local plane's DataQualityCheckFailedException (PurchasePipeline.Local).
    """

    def __init__(self, run_id: str, broken: Mapping[str, int]) -> None:
        rules = ", ".join(f"{name} ({count} offending)" for name, count in broken.items())
        super().__init__(f"data-quality check of staged run {run_id} failed, nothing published: {rules}")
        self.broken = dict(broken)


class UnreadableObject(JobInputError):
    """A raw object the job cannot read: quarantined, never a failure of the run. str() is "KEY: REASON"."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class JobArgs:
    """The job's arguments, resolved."""

    job_name: str
    run_id: str
    raw_path: str
    lake_path: str
    sql_path: str | None
    users_path: str | None
    validation_path: str | None = None


@dataclass(frozen=True)
class TransformStep:
    """One transform SQL file and the temporary view its result is registered as."""

    file_name: str
    view: str
    sql: str


@dataclass(frozen=True)
class Binding:
    """One view in binding order: bound from a transform step, or by the runner (step None)."""

    view: str
    step: TransformStep | None


@dataclass(frozen=True)
class ValidationRule:
    """One data-quality rule (glue/validation/NAME.sql): a query whose ? parameters are all the run id."""

    name: str
    sql: str


@dataclass(frozen=True)
class Output:
    """A view the job writes into the lake, under target (relative to the lake root)."""

    view: str
    target: str
    partition_by: str
    append: bool


@dataclass(frozen=True)
class RawObject:
    """A raw object this run reads: its key in the raw bucket, its ETag, and for CSV its header."""

    key: str
    etag: str
    header: tuple[str, ...] | None = None


@dataclass(frozen=True)
class QuarantinedObject:
    """A new raw object this run could not read: its key, its ETag and why (the manifest's "quarantined")."""

    key: str
    etag: str
    reason: str


@dataclass(frozen=True)
class Lake:
    """The lake root: s3://bucket/prefix/."""

    bucket: str
    prefix: str

    def key(self, relative: str) -> str:
        return self.prefix + relative

    def uri(self, relative: str) -> str:
        return f"s3://{self.bucket}/{self.prefix}{relative}"


# ---------------------------------------------------------------------------------------------------------
# Pure helpers (no Spark, no AWS): the tests call these directly.
# ---------------------------------------------------------------------------------------------------------


def split_s3_uri(uri: str) -> tuple[str, str]:
    """The bucket and key (prefix) of an s3:// URI."""
    match = re.fullmatch(r"s3://([^/]+)/?(.*)", uri)
    if match is None:
        raise JobInputError(f"{uri}: expected an s3://bucket/prefix/ path")
    return match.group(1), match.group(2)


def as_folder(uri: str) -> str:
    """The URI with exactly one trailing slash, so it names a folder (prefix), not an object."""
    return uri.rstrip("/") + "/"


def transform_steps(files: Mapping[str, str]) -> list[TransformStep]:
    """The transform SQL files among files (name -> text), in file-name order, each with its view name."""
    steps = []
    for name in sorted(files):
        match = SQL_FILE.match(name)
        if match is not None:
            steps.append(TransformStep(file_name=name, view=match.group(1), sql=files[name]))
    if not steps:
        raise JobInputError("no transform SQL found: expected files named NN_view_name.sql (glue/sql)")
    return steps


def outputs_of(steps: Sequence[TransformStep]) -> list[Output]:
    """The views to write, in publishing order: aggregates, rejected rows, then the clean rows.

    Clean rows go last. If a run fails after publishing some of its output, the next run reads the same
    files again: rows the clean table already has are dropped by the SQL, and the aggregates of their
    dates were already recomputed before those rows were appended, so nothing is counted twice or lost.
    """
    views = [step.view for step in steps]
    missing = [view for view in (CLEAN_VIEW, REJECTED_VIEW) if view not in views]
    if missing:
        raise JobInputError(f"the transform SQL defines no {', '.join(missing)} view (glue/sql/README.md)")
    aggregates = [
        Output(view=view, target=f"{LAKE_AGGREGATES}{view}/", partition_by="purchase_date", append=False)
        for view in views
        if view.startswith(AGGREGATE_PREFIX)
    ]
    return [
        *aggregates,
        Output(view=REJECTED_VIEW, target=LAKE_REJECTED_PURCHASES, partition_by="run_id", append=False),
        Output(view=CLEAN_VIEW, target=LAKE_CLEAN_PURCHASES, partition_by="purchase_date", append=True),
    ]


def binding_order(steps: Sequence[TransformStep]) -> list[Binding]:
    """Every view of the transform in the order it is bound: glue/sql/README.md, "Binding order", which the local job
    follows too (TransformBinding in PurchasePipeline.Local). The runner's inputs first, then each file in file-name
    order, with existing_purchases bound by the runner right after DATES_VIEW: only then are the batch's purchase
    dates known, the partitions of the clean table it reads."""
    order = [Binding(view=view, step=None) for view in RUNNER_INPUTS]
    for step in steps:
        order.append(Binding(view=step.view, step=step))
        if step.view == DATES_VIEW:
            order.append(Binding(view=EXISTING_VIEW, step=None))
    if not any(binding.view == EXISTING_VIEW for binding in order):
        raise JobInputError(f"the transform SQL defines no {DATES_VIEW} view, after which {EXISTING_VIEW} is bound (glue/sql/README.md)")
    return order


def is_csv(key: str) -> bool:
    """CSV, plain or gzip-compressed: Spark's readers decompress a .gz file by its extension (apache/spark,
    sql/core/src/main/scala/org/apache/spark/sql/execution/datasources/CodecStreams.scala, through Hadoop's
    CompressionCodecFactory), as the local plane's DuckDB does."""
    return key.lower().endswith((".csv", ".csv.gz"))


def check_raw_key(key: str) -> None:
    """Refuse an object the job cannot read faithfully, naming it."""
    if not (is_csv(key) or key.lower().endswith(".jsonl")):
        raise UnreadableObject(key, "not a purchase file (expected *.csv, *.csv.gz or *.jsonl under raw/)")
    if GLOB_CHARACTERS.intersection(key):
        raise UnreadableObject(key, "the key has characters Spark reads as a glob pattern; rename the object")


def header_bytes(key: str, head: bytes, whole_object: bool) -> tuple[bytes, bool]:
    """The start of the object's text and whether it is all of it: head itself, or for .gz its decompression
    (a prefix of a gzip stream decompresses to a prefix of the text)."""
    if not key.lower().endswith(".gz"):
        return head, whole_object
    inflater = zlib.decompressobj(wbits=31)  # 16 + 15: a gzip header and trailer
    try:
        text = inflater.decompress(head, HEADER_PROBE_BYTES)
    except zlib.error as error:
        raise UnreadableObject(key, f"not gzip-compressed ({error})") from error
    return text, inflater.eof


def parse_header(key: str, head: bytes, whole_object: bool) -> tuple[str, ...]:
    """The column names of a CSV file's header line, trimmed and lower-cased, in file order.

    head is the start of the object; whole_object says whether it is all of it. As in the local plane
    (RawHeader), columns may come in any order, but every raw column must be there, once, and no other.
    """
    head, whole_object = header_bytes(key, head, whole_object)
    end = head.find(b"\n")
    if end < 0 and not whole_object:
        raise UnreadableObject(key, f"the header line is longer than {HEADER_PROBE_BYTES} bytes")
    try:
        line = (head if end < 0 else head[:end]).decode("utf-8-sig").rstrip("\r")
    except UnicodeDecodeError as error:
        raise UnreadableObject(key, f"the header line is not UTF-8 ({error.reason})") from error
    names = tuple(name.strip().lower() for name in next(csv.reader([line]), []))
    expected = ",".join(RAW_COLUMNS)
    if not any(names):
        raise UnreadableObject(key, f"file is empty: expected a header line with {expected}")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise UnreadableObject(key, f"header repeats column {', '.join(repeated)}")
    missing = [name for name in RAW_COLUMNS if name not in names]
    if missing:
        raise UnreadableObject(key, f"header lacks column {', '.join(missing)} (expected {expected})")
    unknown = [name or "(empty)" for name in names if name not in RAW_COLUMNS]
    if unknown:
        raise UnreadableObject(key, f"header has unknown column {', '.join(unknown)}")
    return names


def fields_beyond(record: str | None, count: int) -> str | None:
    """The non-empty fields of a CSV record after its first count fields, joined by ','; None if none.

    That is what the local plane keeps (its reader reads an empty field as NULL, and concat_ws skips
    NULLs). Spark hands over the raw text only of records whose field count differs from the header's,
    so this runs, as a Python UDF, only to tell a record with extra fields from one with too few.
    """
    if record is None:
        return None
    fields = [field for row in csv.reader(io.StringIO(record, newline="")) for field in row]
    extra = [field for field in fields[count:] if field != ""]
    return ",".join(extra) if extra else None


def bookmark_summary(objects: Iterable[RawObject]) -> dict[str, object]:
    """The number of objects and a digest of their keys and ETags, computed as the local plane's Bookmark
    does, so the same objects give the same digest in both planes."""
    lines = sorted(f"{item.key}={item.etag}\n" for item in objects)
    digest = hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()[:16]
    return {"objects": len(lines), "digest": digest}


def build_manifest(
    *,
    run_id: str,
    job_name: str,
    started_at: datetime,
    completed_at: datetime,
    objects: Sequence[RawObject],
    rows_per_file: Mapping[str, int],
    clean_rows_per_date: Mapping[str, int],
    rejected_by_reason: Mapping[str, int],
    quarantined: Sequence[QuarantinedObject] = (),
) -> dict[str, object]:
    """The run manifest, with the snake_case names of RunManifestJson (PurchasePipeline.Core).

    Glue's job bookmark is opaque to the job: it cannot see how many objects the bookmark held before
    this run or what they were. So, unlike the local plane's bookmark, both summaries count only this
    run's objects: bookmark_before is the empty set and bookmark_after the objects this run read or
    quarantined (the commit bookmarks both, as the local plane does).
    """
    rows_in = sum(rows_per_file.values())
    rows_clean = sum(clean_rows_per_date.values())
    rows_rejected = sum(rejected_by_reason.values())
    return {
        "run_id": run_id,
        "job_name": job_name,
        "started_at": started_at.isoformat(),
        "completed_at": completed_at.isoformat(),
        "rows_in": rows_in,
        "rows_clean": rows_clean,
        "rows_rejected": rows_rejected,
        "rows_deduplicated": rows_in - rows_clean - rows_rejected,
        "files": [
            {"key": item.key, "e_tag": item.etag, "row_count": rows_per_file.get(item.key, 0)}
            for item in sorted(objects, key=lambda item: item.key)
        ],
        "partitions": [
            {"purchase_date": date, "row_count": count} for date, count in sorted(clean_rows_per_date.items())
        ],
        "rejected_by_reason": dict(sorted(rejected_by_reason.items())),
        "bookmark_before": bookmark_summary([]),
        "bookmark_after": bookmark_summary([*objects, *(RawObject(key=item.key, etag=item.etag) for item in quarantined)]),
        "quarantined": [
            {"key": item.key, "e_tag": item.etag, "reason": item.reason}
            for item in sorted(quarantined, key=lambda item: item.key)
        ],
    }


def manifest_text(manifest: Mapping[str, object]) -> str:
    """The manifest as one line of JSON: Athena's JSON SerDe reads one object per line."""
    return json.dumps(manifest, separators=(",", ":")) + "\n"


def check_row_conservation(rows_in: int, rows_clean: int, rows_rejected: int) -> None:
    """Refuse to publish output that has more rows than the run read."""
    if rows_clean + rows_rejected > rows_in:
        raise RuntimeError(
            f"the transform produced {rows_clean} clean + {rows_rejected} rejected rows from {rows_in} read")


def validation_rules(files: Mapping[str, str]) -> list[ValidationRule]:
    """The data-quality rules among files (name -> text), in file-name order, each named after its file."""
    rules = []
    for name in sorted(files):
        match = RULE_FILE.match(name)
        if match is not None:
            rules.append(ValidationRule(name=match.group(1), sql=files[name]))
    if not rules:
        raise JobInputError("no data-quality rules found: expected files named rule_name.sql (glue/validation)")
    return rules


def rule_parameters(sql: str) -> int:
    """How many ? parameters a rule has, outside quotes and -- comments: the run id is bound once for each.

    The same count as the pipeline's RuleParameters.Count (PurchasePipeline.Core), which binds them for Athena.
    """
    count = 0
    index = 0
    while index < len(sql):
        char = sql[index]
        if char in "'\"":
            end = sql.find(char, index + 1)
            index = len(sql) if end < 0 else end
        elif sql.startswith("--", index):
            end = sql.find("\n", index)
            index = len(sql) if end < 0 else end
        elif char == "?":
            count += 1
        index += 1
    return count


def read_failure(error: BaseException) -> str:
    """What went wrong in a failed Spark job, in one line cut to a manifest reason's length.

    Py4J's message starts with the call ("An error occurred while calling o91.collectToPython.") and Spark's with
    the stage ("org.apache.spark.SparkException: Job aborted due to stage failure: ... Lost task ...: CAUSE"),
    followed by stack frames: the reason is the first Java exception other than Spark's own named on a line, with
    the rest of that line (e.g. "java.util.zip.ZipException: invalid block type"), else the first line.
    """
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and not line.strip().startswith("at ")]
    for line in lines:
        causes = [cause for cause in JAVA_EXCEPTION.finditer(line) if cause.group(0) != SPARK_JOB_FAILURE]
        if causes:
            reason = line[causes[0].start():]
            break
    else:
        reason = lines[0] if lines else type(error).__name__
    return reason if len(reason) <= MAX_REASON_LENGTH else reason[:MAX_REASON_LENGTH] + "\u2026"


def is_infrastructure_failure(error: BaseException) -> bool:
    """Whether a failed read is S3's or the cluster's doing (INFRASTRUCTURE_FAILURES), not the object's."""
    text = str(error)
    return any(word in text for word in INFRASTRUCTURE_FAILURES)


def audit_rows(manifest: Mapping[str, Any]) -> tuple[tuple, list[tuple]]:
    """The run's row of run_manifests and its rows of run_partitions, from the manifest it is about to publish:
    what Athena reads from the published manifest (infra LakeTables), the rules read from the staged one."""
    run_id = manifest["run_id"]
    counts = tuple(manifest[name] for name in ("rows_in", "rows_clean", "rows_rejected", "rows_deduplicated"))
    partitions = [(run_id, item["purchase_date"], item["row_count"]) for item in manifest["partitions"]]
    return (run_id, *counts), partitions


# ---------------------------------------------------------------------------------------------------------
# Arguments, SQL files and S3 objects (boto3).
# ---------------------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------------------
# Spark: reading the new raw objects into raw_purchases.
# ---------------------------------------------------------------------------------------------------------


def configure_session(spark: SparkSession) -> None:
    conf = spark.conf
    # The SQL reads zone-less timestamps; in UTC Spark casts and truncates them to dates as DuckDB does.
    conf.set("spark.sql.session.timeZone", "UTC")
    # Pinned, not left to the platform default (Spark 4 turns ANSI on): the SQL validates before casting.
    conf.set("spark.sql.ansi.enabled", "false")
    conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    # The same physical timestamp type the local plane's DuckDB writes, instead of Spark's legacy INT96.
    conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
    # Spark checks a CSV record's field count against the header only when it parses every column.
    conf.set("spark.sql.csv.parser.columnPruning.enabled", "false")
    # A JSON line that repeats a key keeps its last value instead of failing the run.
    conf.set("spark.sql.mapKeyDedupPolicy", "LAST_WIN")
    # No _SUCCESS objects among the lake's Parquet files (the crawler would see them).
    hadoop = spark.sparkContext._jsc.hadoopConfiguration()  # the only door to it from Python
    hadoop.set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")


def source_key(file_uri: str = "input_file_name()") -> Column:
    """The bucket-relative key (raw/2026/11/25/x.csv) of the file the current row was read from.

    file_uri is the SQL expression of the file's URI: by default input_file_name(), which Spark's own
    readers fill in. Spark reports the file as a URI, percent-encoded (a space is %20) but with '+' left
    as it is, and url_decode would read '+' as a space: so '+' is encoded first, then everything decoded.
    """
    uri = F.expr(f"url_decode(replace({file_uri}, '+', '%2B'))")
    return F.regexp_replace(uri, "^[A-Za-z0-9]+://[^/]+/", "")


def discover_new_keys(glue: GlueContext, raw_path: str, exclude: str, transformation_ctx: str) -> list[str]:
    """The keys of the objects under raw_path that the job bookmark (keyed by transformation_ctx) has not
    seen yet; committing the job marks them seen.

    The bookmarked source only decides which objects are new. It reads them as plain lines, one record per
    line, so that every object with any content yields a record (and so a file name), even one whose only
    lines are malformed or that has a header and no rows, and so that reading cannot fail on content.
    The records themselves are parsed afterwards by Spark's own readers, whose handling of quotes, extra
    fields and malformed lines is defined (read_csv_objects, read_jsonl_objects). That reads the new
    objects twice; they are only this run's batch.

    Each record's file comes from the S3 connection option attachFilename (AWS Glue guide, "Amazon S3
    connection option reference"), the documented way for a DynamicFrame read: input_file_name() is
    Spark's, Glue does not document it for DynamicFrame sources, and it can come back empty there.
    groupFiles stays off, so no task mixes files. A record without a file name, or a name outside raw_path, stops the run before anything is
    written rather than reading the wrong objects.
    """
    frame = glue.create_dynamic_frame.from_options(
        connection_type="s3",
        connection_options={
            "paths": [raw_path],
            "recurse": True,
            "groupFiles": "none",
            "exclusions": json.dumps([exclude]),
            "attachFilename": SOURCE_FILE_COLUMN,
        },
        format="csv",
        format_options={"withHeader": False, "separator": LINE_SEPARATOR, "quoteChar": -1},
        transformation_ctx=transformation_ctx,
    )
    records = frame.toDF()
    if records.isEmpty():  # nothing new: Glue read no file, so there is no file-name column either
        return []
    rows = records.select(source_key(f"`{SOURCE_FILE_COLUMN}`").alias("key")).distinct().collect()
    keys = sorted(row["key"] or "" for row in rows)
    _, raw_prefix = split_s3_uri(raw_path)
    strays = [key for key in keys if not key.startswith(raw_prefix) or key == raw_prefix]
    if strays:
        raise RuntimeError(f"{raw_path}: Glue's {SOURCE_FILE_COLUMN} column (attachFilename) gave "
                           f"{strays[0]!r}, not the URI of an object under the raw path")
    return keys


def discover_raw_objects(
    glue: GlueContext, s3: S3Client, raw_path: str,
) -> tuple[list[RawObject], list[QuarantinedObject]]:
    """The new raw objects, each checked (extension, header) and with its ETag, and those quarantined.

    An object with another extension (or .csv.gz, which the JSON-lines source does not exclude) is new to
    both bookmarked sources; it is probed once, and the commit bookmarks it in both.
    """
    csv_keys = discover_new_keys(glue, raw_path, "**.jsonl", transformation_ctx="raw_purchases_csv")
    jsonl_keys = discover_new_keys(glue, raw_path, "**.csv", transformation_ctx="raw_purchases_jsonl")
    bucket, _ = split_s3_uri(raw_path)
    return probe_objects(s3, bucket, [*csv_keys, *jsonl_keys])


def read_csv_objects(spark: SparkSession, bucket: str, objects: Sequence[RawObject]) -> DataFrame:
    """The records of CSV objects: the raw columns, extra_fields, source_file and source_row.

    Spark reads a file's columns by position, so files are read in groups that share a header, and each
    group maps the raw columns to their positions by header name.
    """
    groups: dict[tuple[str, ...], list[str]] = {}
    for item in objects:
        groups.setdefault(item.header or RAW_COLUMNS, []).append(f"s3://{bucket}/{item.key}")
    frames = [read_csv_group(spark, header, uris) for header, uris in groups.items()]
    return reduce(DataFrame.unionByName, frames)


def read_csv_group(spark: SparkSession, header: tuple[str, ...], uris: Sequence[str]) -> DataFrame:
    """CSV files sharing one header.

    extra_fields: the schema is the header's columns plus Spark's corrupt-record column. In PERMISSIVE mode
    Spark puts a record's raw text there when its field count differs from the header's (rare), and only
    for those records the Python UDF fields_beyond re-splits the text, to tell extra fields (kept) from
    missing ones (NULL, as the local plane pads them). A single catch-all column would not do: Spark would
    keep only the first extra field, and read an empty one as NULL.
    """
    schema = StructType([StructField(name, StringType()) for name in [*header, CORRUPT_RECORD]])
    frame = (
        spark.read.schema(schema)
        .option("header", True)  # skips each file's header line; parse_header checked its names
        .option("enforceSchema", True)
        .option("multiLine", True)  # RFC 4180: a quoted field may hold a line break
        .option("escape", '"')  # RFC 4180: "" inside quotes is a quote (Spark's default escape is a backslash)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
        .csv(list(uris))
        .withColumn("source_file", source_key())
        .withColumn(READ_ORDER, F.monotonically_increasing_id())
    )
    extra_fields = F.udf(fields_beyond, StringType())
    return number_records(frame).select(
        *RAW_COLUMNS,
        extra_fields(F.col(CORRUPT_RECORD), F.lit(len(header))).alias("extra_fields"),
        "source_file",
        "source_row",
    )


def read_jsonl_objects(spark: SparkSession, bucket: str, objects: Sequence[RawObject]) -> DataFrame:
    """The records of JSON-lines objects, one per non-blank line, with the columns of read_csv_objects.

    As in the local plane: source_row is the line number (blank lines count, though they are no
    records); each raw column is its key's value as text (a number or nested value as its JSON text);
    extra_fields is the whole line when it has keys that are not raw columns or is not a JSON object at
    all, in which case every raw column is NULL and the SQL rejects it as malformed, nothing lost.
    """
    lines = (
        spark.read.option("lineSep", "\n").text([f"s3://{bucket}/{item.key}" for item in objects])
        .withColumn("value", F.regexp_replace(F.col("value"), "\r$", ""))
        .withColumn("source_file", source_key())
        .withColumn(READ_ORDER, F.monotonically_increasing_id())
    )
    records = (
        number_records(lines)
        .where(F.trim(F.col("value")) != "")
        .withColumn("fields", F.from_json(F.col("value"), MapType(StringType(), StringType())))
    )
    known = F.array(*[F.lit(name) for name in RAW_COLUMNS])
    unknown_keys = F.map_filter(F.col("fields"), lambda key, _: ~F.array_contains(known, key))
    malformed = F.col("fields").isNull() | (F.size(unknown_keys) > 0)
    return records.select(
        *[F.col("fields").getItem(name).alias(name) for name in RAW_COLUMNS],
        F.when(malformed, F.col("value")).alias("extra_fields"),
        "source_file",
        "source_row",
    )


def number_records(frame: DataFrame) -> DataFrame:
    """Adds source_row, the 1-based number of each row within its file, in file order.

    READ_ORDER is monotonically_increasing_id(), taken right at the scan: the task's partition index in
    the high bits, the row's position within the task in the low bits. Within one file it grows with the
    row's position: a multi-line CSV file is not splittable, so one task reads it front to back; a text
    (JSON-lines) file may be cut into byte ranges, but Spark lays a file's ranges into partitions in
    offset order (its packing sorts splits by size with a stable sort, and only a file's last range is
    shorter than the others). The ids have gaps, so row_number turns them into 1, 2, 3, ...
    """
    in_file = Window.partitionBy("source_file").orderBy(READ_ORDER)
    return frame.withColumn("source_row", F.row_number().over(in_file).cast("bigint")).drop(READ_ORDER)


def read_raw_purchases(
    spark: SparkSession, raw_path: str, objects: Sequence[RawObject], run_id: str,
) -> DataFrame:
    """The raw_purchases view of glue/sql/README.md for the new objects."""
    bucket, _ = split_s3_uri(raw_path)
    csv_objects = [item for item in objects if item.header is not None]
    jsonl_objects = [item for item in objects if item.header is None]
    parts = []
    if csv_objects:
        parts.append(read_csv_objects(spark, bucket, csv_objects))
    if jsonl_objects:
        parts.append(read_jsonl_objects(spark, bucket, jsonl_objects))
    return reduce(DataFrame.unionByName, parts).withColumn("run_id", F.lit(run_id))


def read_users(spark: SparkSession, s3: S3Client, users_path: str | None) -> DataFrame:
    """The users view: UserSchema's columns as text, by position as the local plane reads them."""
    schema = StructType([StructField(name, StringType()) for name in USER_COLUMNS])
    uris = [] if users_path is None else csv_uris_under(s3, users_path)
    if not uris:
        log.info("no users files (--users_path %s): every segment is 'unknown'", users_path)
        return spark.createDataFrame([], schema)
    return (
        spark.read.schema(schema)
        .option("header", True)
        .option("enforceSchema", True)
        .option("multiLine", True)
        .option("escape", '"')
        .csv(uris)
    )


# ---------------------------------------------------------------------------------------------------------
# Spark: the transform, staging and publishing.
# ---------------------------------------------------------------------------------------------------------


def read_existing_purchases(
    spark: SparkSession, s3: S3Client, lake: Lake, schema: StructType, dates: Sequence[str],
) -> DataFrame:
    """The clean table's partitions for dates (the only ones this batch can touch), or an empty table."""
    partitions = [f"{LAKE_CLEAN_PURCHASES}purchase_date={date}/" for date in dates]
    existing = [partition for partition in partitions if has_objects(s3, lake.bucket, lake.key(partition))]
    if not existing:
        return spark.createDataFrame([], schema)
    root = lake.uri(LAKE_CLEAN_PURCHASES)
    return spark.read.schema(schema).option("basePath", root).parquet(*[lake.uri(p) for p in existing])


def read_existing_rejected(spark: SparkSession, s3: S3Client, lake: Lake) -> DataFrame:
    """The existing_rejected view: the fingerprint of every rejected row already in the lake.

    Only the reject_id column is read (Parquet stores it on its own: about 33 bytes a rejected row, none of
    the raw text), from every run's partition: a re-delivered row can come back in any later run. Files
    written before rejected rows had a fingerprint give NULL for it (Spark reads a column a Parquet file
    lacks as NULL), so their rows are not matched.
    """
    if not has_objects(s3, lake.bucket, lake.key(LAKE_REJECTED_PURCHASES)):
        return spark.createDataFrame([], REJECTED_LOOKUP_DDL)
    return (
        spark.read.schema(REJECTED_LOOKUP_DDL).parquet(lake.uri(LAKE_REJECTED_PURCHASES))
        .select("reject_id")
        .where(F.col("reject_id").isNotNull())
    )


def clean_table_schema(spark: SparkSession, steps: Sequence[TransformStep]) -> StructType:
    """The clean table's columns, as clean_purchases makes them: the files up to it analysed (Spark builds their
    plans and runs none of them) over an existing_purchases of only the columns clean_purchases looks rows up by.

    So the shape of the clean table, which existing_purchases must have, is the SQL's and written down nowhere
    else, as the local plane's TransformShapes finds it. bind_transform then binds every view again, with data.
    """
    spark.createDataFrame([], CLEAN_LOOKUP_DDL).createOrReplaceTempView(EXISTING_VIEW)
    for step in steps:
        spark.sql(step.sql).createOrReplaceTempView(step.view)
        if step.view == CLEAN_VIEW:
            return spark.table(CLEAN_VIEW).schema
    raise JobInputError(f"the transform SQL defines no {CLEAN_VIEW} view (glue/sql/README.md)")


def batch_purchase_dates(spark: SparkSession) -> list[str]:
    """The purchase dates of the batch's valid rows (DATES_VIEW, as glue/sql/README.md defines it): the only
    partitions of the clean table the transform looks at, so what a run reads does not grow with its history."""
    rows = (spark.table(DATES_VIEW).where("reject_reason IS NULL AND purchase_date IS NOT NULL")
            .select("purchase_date").distinct().collect())
    return sorted(str(row["purchase_date"]) for row in rows)


def bind_transform(
    spark: SparkSession, s3: S3Client, lake: Lake, steps: Sequence[TransformStep], clean_schema: StructType,
) -> DataFrame:
    """Binds every view of the transform once, in binding_order (the inputs are already bound); returns the
    existing_purchases it bound. Spark only plans here: the SQL runs when the outputs are staged, except
    DATES_VIEW, read for the dates existing_purchases is read for."""
    existing = None
    for binding in binding_order(steps)[len(RUNNER_INPUTS):]:
        if binding.step is None:
            existing = read_existing_purchases(spark, s3, lake, clean_schema, batch_purchase_dates(spark))
            existing.createOrReplaceTempView(EXISTING_VIEW)
            log.info("view %s <- the clean table's partitions of the batch's dates", EXISTING_VIEW)
            continue
        log.info("view %s <- %s", binding.view, binding.step.file_name)
        spark.sql(binding.step.sql).createOrReplaceTempView(binding.view)
    return existing


def stage_outputs(
    spark: SparkSession, lake: Lake, run_id: str, outputs: Sequence[Output],
) -> dict[str, DataFrame]:
    """Computes every output into _staging/R/VIEW/ and returns them read back from there.

    All the transform's work happens here, while the lake is untouched: a failure leaves nothing
    half-written, and publishing copies finished files instead of re-running the SQL against a clean
    table it is appending to.
    """
    staged = {}
    for output in outputs:
        view = spark.table(output.view)
        uri = lake.uri(f"{LAKE_STAGING}{run_id}/{output.view}/")
        view.write.mode("overwrite").parquet(uri)
        staged[output.view] = spark.read.schema(view.schema).parquet(uri)
    return staged


def count_by(frame: DataFrame, column: str) -> dict[str, int]:
    return {str(row[column]): int(row["count"]) for row in frame.groupBy(column).count().collect()}


def audit_staged_run(
    spark: SparkSession, rules: Sequence[ValidationRule], staged: Mapping[str, DataFrame], existing: DataFrame,
    manifest: Mapping[str, Any],
) -> None:
    """Runs every data-quality rule over the staged run, before any of it is published (write-audit-publish).

    The rules read the tables of glue/validation/README.md, here the run's scope as the local plane's audit
    has it: clean_purchases is the clean partitions the run writes to (existing, as the lake has them, plus
    the staged rows), rejected_purchases the staged rejected rows, run_manifests and run_partitions the
    manifest about to be written. Replacing the transform's clean_purchases and rejected_purchases views is
    safe: the staged frames, which publish writes, were read back from _staging/ and depend on no view.

    Spark binds each ? to the run id as a literal (SparkSession.sql's positional args, Spark 3.5).
    """
    existing.unionByName(staged[CLEAN_VIEW]).createOrReplaceTempView(CLEAN_VIEW)
    staged[REJECTED_VIEW].createOrReplaceTempView(REJECTED_VIEW)
    manifest_row, partition_rows = audit_rows(manifest)
    spark.createDataFrame([manifest_row], RUN_MANIFESTS_DDL).createOrReplaceTempView(RUN_MANIFESTS_VIEW)
    spark.createDataFrame(partition_rows, RUN_PARTITIONS_DDL).createOrReplaceTempView(RUN_PARTITIONS_VIEW)
    run_id = manifest["run_id"]
    broken = {}
    for rule in rules:
        offending = int(spark.sql(rule.sql, args=[run_id] * rule_parameters(rule.sql)).collect()[0]["offending"])
        log.info("rule %s: %d offending", rule.name, offending)
        if offending != 0:
            broken[rule.name] = offending
    if broken:
        raise DataQualityCheckFailed(run_id, broken)


def publish(lake: Lake, outputs: Sequence[Output], staged: Mapping[str, DataFrame]) -> None:
    """Writes the staged outputs into the lake, in the order of outputs_of."""
    for output in outputs:
        frame = staged[output.view]
        if frame.isEmpty():
            continue
        writer = frame.write.partitionBy(output.partition_by)
        if output.append:
            writer.mode("append").parquet(lake.uri(output.target))
        else:  # replaces only the partitions the frame has rows for
            writer.mode("overwrite").option("partitionOverwriteMode", "dynamic").parquet(lake.uri(output.target))
        log.info("published %s to %s", output.view, lake.uri(output.target))


# ---------------------------------------------------------------------------------------------------------
# The run.
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunFacts:
    """What the manifest reports, gathered as the run goes."""

    objects: tuple[RawObject, ...] = ()
    quarantined: tuple[QuarantinedObject, ...] = ()
    rows_per_file: Mapping[str, int] = field(default_factory=dict)
    clean_rows_per_date: Mapping[str, int] = field(default_factory=dict)
    rejected_by_reason: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StagedRun:
    """The run's output in _staging/R/ (view -> frame read back from there), not yet published, and the clean
    partitions of the lake it writes to, as they are before it."""

    outputs: Sequence[Output]
    frames: Mapping[str, DataFrame]
    existing: DataFrame


def read_batch(
    spark: SparkSession, raw_path: str, objects: Sequence[RawObject], run_id: str,
) -> tuple[DataFrame, dict[str, int], list[RawObject], list[QuarantinedObject]]:
    """raw_purchases of the objects, persisted, with its rows per file: the first Spark action on their content.

    An object can pass the header probe and still fail Spark's read: a gzip stream broken after its first 64 KiB,
    a record the CSV parser refuses (univocity's limits), text Spark cannot decode. Spark then fails the whole job,
    naming no object, and the batch would fail on every later run. So when the batch's read fails, each object is
    read on its own: one that fails alone is quarantined with the failure's cause (as a header the probe refuses),
    the others are read together again. A failure that is S3's or the cluster's (is_infrastructure_failure) is no
    fault of the object: it ends the run naming the object, and the next run reads the batch again.

    Returns the frame, the rows per file, the objects read and those quarantined.
    """
    raw = read_raw_purchases(spark, raw_path, objects, run_id).persist()  # lazy: count_by reads
    try:
        return raw, count_by(raw, "source_file"), list(objects), []
    except SPARK_JOB_ERRORS as error:
        raw.unpersist()
        log.warning("reading %d new object(s) failed (%s); reading each on its own", len(objects), read_failure(error))
    readable, quarantined = [], []
    for item in objects:
        try:
            count_by(read_raw_purchases(spark, raw_path, [item], run_id), "source_file")
        except SPARK_JOB_ERRORS as error:
            if is_infrastructure_failure(error):
                raise RuntimeError(f"{item.key}: reading it failed, not for its content: {read_failure(error)}") from error
            log.warning("quarantined %s: %s", item.key, read_failure(error))
            quarantined.append(QuarantinedObject(key=item.key, etag=item.etag, reason=read_failure(error)))
        else:
            readable.append(item)
    if not readable:
        return spark.createDataFrame([], "source_file string"), {}, [], quarantined
    raw = read_raw_purchases(spark, raw_path, readable, run_id).persist()
    return raw, count_by(raw, "source_file"), readable, quarantined


def transform_batch(
    spark: SparkSession, s3: S3Client, lake: Lake, args: JobArgs, steps: Sequence[TransformStep], facts: RunFacts,
) -> tuple[RunFacts, StagedRun | None]:
    """Reads the new objects, runs the transform and stages its output (None when there are no records)."""
    outputs = outputs_of(steps)
    raw, rows_per_file, readable, unreadable = read_batch(spark, args.raw_path, facts.objects, args.run_id)
    facts = replace(facts, objects=tuple(readable), quarantined=(*facts.quarantined, *unreadable),
                    rows_per_file=rows_per_file)
    unknown = sorted(set(facts.rows_per_file) - {item.key for item in facts.objects})
    if unknown:
        raise RuntimeError(f"rows from files the bookmarked source did not list: {', '.join(unknown[:5])}")
    if not facts.rows_per_file:
        log.info("the new raw objects hold no records")
        return facts, None

    raw.createOrReplaceTempView(RAW_VIEW)
    read_users(spark, s3, args.users_path).createOrReplaceTempView(USERS_VIEW)
    read_existing_rejected(spark, s3, lake).createOrReplaceTempView(EXISTING_REJECTED_VIEW)
    existing = bind_transform(spark, s3, lake, steps, clean_table_schema(spark, steps))

    staged = stage_outputs(spark, lake, args.run_id, outputs)
    facts = replace(
        facts,
        clean_rows_per_date=count_by(staged[CLEAN_VIEW], "purchase_date"),
        rejected_by_reason=count_by(staged[REJECTED_VIEW], "reject_reason"))
    check_row_conservation(
        sum(facts.rows_per_file.values()),
        sum(facts.clean_rows_per_date.values()),
        sum(facts.rejected_by_reason.values()))
    return facts, StagedRun(outputs=outputs, frames=staged, existing=existing)


def run(spark: SparkSession, glue: GlueContext, args: JobArgs, started_at: datetime) -> None:
    """Everything but the bookmark commit: write (stage), audit, publish. With no new objects only the manifest
    is written (zeros). The staging copy is dropped whatever happens: published, or never to be."""
    configure_session(spark)
    s3 = boto3.client("s3")
    lake = Lake(*split_s3_uri(args.lake_path))
    steps = transform_steps(read_sql_files(s3, args.sql_path))
    rules = validation_rules(read_sql_files(s3, args.validation_path, RULE_FILE))
    try:
        stage_audit_publish(spark, glue, s3, lake, args, steps, rules, started_at)
    finally:
        drop_staging(s3, lake, args.run_id)


def stage_audit_publish(
    spark: SparkSession, glue: GlueContext, s3: S3Client, lake: Lake, args: JobArgs, steps: Sequence[TransformStep],
    rules: Sequence[ValidationRule], started_at: datetime,
) -> None:
    """Stages the new objects' output, audits it, then publishes it and the manifest, in that order."""
    objects, quarantined = discover_raw_objects(glue, s3, args.raw_path)
    facts = RunFacts(objects=tuple(objects), quarantined=tuple(quarantined))
    staged = None
    if facts.objects:
        facts, staged = transform_batch(spark, s3, lake, args, steps, facts)
    else:
        log.info("no new raw objects under %s", args.raw_path)
    manifest = build_manifest(
        run_id=args.run_id,
        job_name=args.job_name,
        started_at=started_at,
        completed_at=datetime.now(timezone.utc),
        objects=facts.objects,
        rows_per_file=facts.rows_per_file,
        clean_rows_per_date=facts.clean_rows_per_date,
        rejected_by_reason=facts.rejected_by_reason,
        quarantined=facts.quarantined,
    )
    if staged is not None:
        audit_staged_run(spark, rules, staged.frames, staged.existing, manifest)
        publish(lake, staged.outputs, staged.frames)
    write_manifest(s3, lake, manifest)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if GLUE_MISSING is not None:
        sys.exit(f"clean_purchases: this job runs on AWS Glue 5.0 ({GLUE_MISSING})")
    started_at = datetime.now(timezone.utc)
    try:
        args, resolved = resolve_args(sys.argv)
        glue = GlueContext(SparkContext.getOrCreate())
        job = Job(glue)
        job.init(args.job_name, resolved)
        run(glue.spark_session, glue, args, started_at)
    except (JobInputError, DataQualityCheckFailed) as error:
        sys.exit(f"clean_purchases: {error}")
    # Last, and reached only when every write above succeeded: marks this run's objects as read.
    job.commit()


if __name__ == "__main__":
    main()
