"""A raw object's name and CSV header, checked as the local plane checks them (RawHeader), and the fields of a
record beyond its header."""

from __future__ import annotations

import csv
import io
import zlib
from dataclasses import field

from purchase_job.contract import GLOB_CHARACTERS, HEADER_PROBE_BYTES, RAW_COLUMNS, UnreadableObject


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
