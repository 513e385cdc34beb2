"""The job's contract: the columns, views, lake prefixes and SQL file names it shares with the rest of the
pipeline, its argument and object types, and its errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import logging
import re
from typing import Any


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
