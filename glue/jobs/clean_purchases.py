"""AWS Glue 5.0 job (Spark 3.5, Python 3.11): clean the purchase files that arrived since the last run.

Reads the raw objects under --raw_path that the job bookmark has not seen yet (CSV and JSON lines), runs
the transform SQL (glue/sql/NN_name.sql, the same files DuckDB runs in the local plane) with Spark SQL and
writes the lake: clean/purchases/ (appended), rejected/purchases/run_id=R/, aggregates/NAME/ (only the
purchase dates this run touched are replaced) and manifests/R.json. The bookmark is committed last, so a
failed run's files are read again by the next run; the SQL drops rows the clean table already holds and
rejected rows whose fingerprint the rejected table holds, so reading a file twice never adds its rows twice.

This script is the entry point; its modules are the purchase_job package (glue/jobs/lib/purchase_job), which the
stack ships as a zip in --extra-py-files: Glue puts that zip on the Python path of the driver and the executors
(which import purchase_job.headers for the fields_beyond UDF).

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

import logging
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

try:  # Glue provides these. The repository's tests import this module without them, for its pure helpers.
    import boto3
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from pyspark.context import SparkContext
    from pyspark.sql import DataFrame, SparkSession
except ModuleNotFoundError as missing:
    GLUE_MISSING: ModuleNotFoundError | None = missing
else:
    GLUE_MISSING = None

from purchase_job.contract import (
    CLEAN_VIEW, DataQualityCheckFailed, EXISTING_REJECTED_VIEW, JobArgs, JobInputError, Lake, Output,
    QuarantinedObject, RAW_VIEW, REJECTED_VIEW, RULE_FILE, RawObject, S3Client, TransformStep, USERS_VIEW,
    ValidationRule, log,
)
from purchase_job.manifest import build_manifest
from purchase_job.plan import check_row_conservation, outputs_of, split_s3_uri, transform_steps, validation_rules
from purchase_job.reading import configure_session, count_by, discover_raw_objects, read_batch, read_users
from purchase_job.storage import drop_staging, read_sql_files, resolve_args, write_manifest
from purchase_job.transform import (
    audit_staged_run, bind_transform, clean_table_schema, publish, read_existing_rejected,
    stage_outputs,
)


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
    # Last, and reached only when the audit passed and every write above succeeded: marks this run's objects as
    # read. Job.commit is the bookmark's only write (awslabs/aws-glue-libs, branch glue-5.0, awsglue/job.py: it
    # calls the Glue runtime's Job.commit), so a run that exits before it leaves its objects new for the next run.
    job.commit()


if __name__ == "__main__":
    main()
