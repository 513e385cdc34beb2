"""Spark: the transform, staging, the audit and publishing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

try:  # Glue provides these; the repository's tests import the package without them, for its pure helpers.
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType
except ModuleNotFoundError:
    pass

from purchase_job.contract import (
    CLEAN_LOOKUP_DDL, CLEAN_VIEW, DATES_VIEW, DataQualityCheckFailed, EXISTING_VIEW, JobInputError,
    LAKE_CLEAN_PURCHASES, LAKE_REJECTED_PURCHASES, LAKE_STAGING, Lake, Output, REJECTED_LOOKUP_DDL,
    REJECTED_VIEW, RUNNER_INPUTS, RUN_MANIFESTS_DDL, RUN_MANIFESTS_VIEW, RUN_PARTITIONS_DDL,
    RUN_PARTITIONS_VIEW, S3Client, TransformStep, ValidationRule, log,
)
from purchase_job.plan import audit_rows, binding_order, rule_parameters
from purchase_job.storage import has_objects


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

    Spark binds each ? to the run id as a literal: SparkSession.sql's positional args, new in Spark 3.5 (apache/spark,
    python/pyspark/sql/session.py, SparkSession.sql; SPARK-44066), also inside a WITH clause (SPARK-42702).
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
