"""Spark: reading the new raw objects into raw_purchases."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import reduce

try:  # Glue provides these; the repository's tests import the package without them, for its pure helpers.
    from awsglue.context import GlueContext
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import MapType, StringType, StructField, StructType
    from pyspark.sql.window import Window
except ModuleNotFoundError:
    pass
else:
    # What a failed Spark action raises in PySpark 3.5: Py4J's error for a failed job (SparkException), or one of
    # PySpark's own (pyspark/errors/exceptions/captured.py converts AnalysisException and the like).
    SPARK_JOB_ERRORS = (Py4JJavaError, PySparkException)

from purchase_job.contract import (
    CORRUPT_RECORD, LINE_SEPARATOR, QuarantinedObject, RAW_COLUMNS, READ_ORDER, RawObject, S3Client,
    SOURCE_FILE_COLUMN, USER_COLUMNS, log,
)
from purchase_job.failures import is_infrastructure_failure, read_failure
from purchase_job.headers import fields_beyond
from purchase_job.plan import split_s3_uri
from purchase_job.storage import csv_uris_under, probe_objects


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


def count_by(frame: DataFrame, column: str) -> dict[str, int]:
    """The number of rows of frame for each value of column."""
    return {str(row[column]): int(row["count"]) for row in frame.groupBy(column).count().collect()}


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

    A long line is no read failure: Spark's CSV reader limits a record's field count (maxColumns 20480) but not a
    field's length (maxCharsPerColumn -1; apache/spark, sql/catalyst/src/main/scala/org/apache/spark/sql/catalyst/
    csv/CSVOptions.scala), so a 50 MB line is read, and rejected by the SQL, unless it exhausts an executor's
    memory; a lost executor is the cluster's failure here, so that ends the run naming the object.

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
