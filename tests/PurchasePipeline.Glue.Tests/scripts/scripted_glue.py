"""A Spark session and Glue context that carry rows, for launches that follow a run from discovery to commit.

glue_fakes' recorders answer no to everything, so a launch there sees no new objects. Here (launch_job.py with
a scenario) the job's own code runs its whole path over the folder S3 of glue_fakes:
- the bookmarked discovery source lists the objects under its path (minus its exclusion), as attachFilename
  names them; every one is new;
- spark.read gives one row per CSV record or non-blank text line ({"source_file": key}); an object the scenario
  lists as unreadable fails, with its message, the first action on a frame holding its rows, as a failed Spark
  job does (py4j.protocol.Py4JJavaError);
- spark.sql runs no SQL: a transform file (recognised by its text) gives the rows the scenario lists for its
  view, a data-quality rule the scenario's offending count for it (0 unless given), each call recorded with
  its bound parameters;
- frames keep plain rows, and the view of glue/sql they come from, which collect and write record; any method this stand-in does not model (withColumn, where, persist, ...) leaves
  them as they are. Writes put the rows as JSON files under the written URI (partitionBy makes COL=VALUE/
  folders), and reads of a URI read back every file under it, so staging, publishing and what is visible
  afterwards can be checked from the folder.
Expressions (pyspark.sql.functions, Window, types) stay glue_fakes recorders.
"""

import gzip
import itertools
import json
from fnmatch import fnmatch
from pathlib import Path

import glue_fakes

SEQUENCE = itertools.count()


class SparkJobFailed(Exception):
    """Stands in for py4j.protocol.Py4JJavaError, what PySpark raises for a failed Spark job."""


def split_uri(uri: str) -> tuple[str, str]:
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    return bucket, key


class Frame:
    """A DataFrame of dict rows."""

    def __init__(self, session: "Session", rows, failure: str | None = None, origin: str | None = None) -> None:
        self._session = session
        self.rows = [dict(row) if isinstance(row, dict) else {"values": list(row)} for row in rows]
        self.failure = failure
        self.origin = origin  # the glue/sql view it was computed from, for the recorded actions

    def _computed(self):
        if self.failure is not None:
            raise SparkJobFailed(self.failure)
        return self.rows

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self  # withColumn, drop, where, persist, alias, schema, ...

    def select(self, *columns):
        if all(isinstance(column, str) for column in columns):
            return Frame(self._session, [{c: row.get(c) for c in columns} for row in self.rows], self.failure, self.origin)
        return self  # computed columns: the rows already hold what the scenario gives them

    def distinct(self):
        unique = {json.dumps(row, sort_keys=True): row for row in self.rows}
        return Frame(self._session, unique.values(), self.failure, self.origin)

    def collect(self):
        glue_fakes.RECORDER.record("DataFrame.collect", (self.origin,), {})
        return [dict(row) for row in self._computed()]

    def isEmpty(self):  # noqa: N802 - Spark's name
        return not self.rows

    def groupBy(self, column: str):  # noqa: N802
        counts: dict = {}
        for row in self._computed():
            counts[row.get(column)] = counts.get(row.get(column), 0) + 1
        return Frame(self._session, [{column: value, "count": n} for value, n in counts.items()])

    def count(self):
        return self

    def unionByName(self, other):  # noqa: N802
        return Frame(self._session, [*self.rows, *other.rows], self.failure or other.failure)

    def createOrReplaceTempView(self, name: str) -> None:  # noqa: N802
        self._session.views[name] = self

    @property
    def write(self):
        return Writer(self._session, self._computed(), self.origin)


class Writer:
    def __init__(self, session: "Session", rows, origin: str | None) -> None:
        self._session = session
        self._rows = rows
        self._origin = origin
        self._partition = None

    def partitionBy(self, column: str):  # noqa: N802
        self._partition = column
        return self

    def mode(self, _mode: str):
        return self

    def option(self, _name: str, _value):
        return self

    def parquet(self, uri: str) -> None:
        groups: dict = {}
        for row in self._rows:
            folder = "" if self._partition is None else f"{self._partition}={row.get(self._partition)}/"
            groups.setdefault(folder, []).append(row)
        for folder, rows in groups.items() or [("", [])]:
            self._session.put(uri.rstrip("/") + "/" + folder + f"part-{next(SEQUENCE):05d}.json", rows)
        glue_fakes.RECORDER.record("DataFrame.write.parquet", (uri,), {"rows": len(self._rows), "view": self._origin})


class Reader:
    def __init__(self, session: "Session") -> None:
        self._session = session

    def schema(self, _schema):
        return self

    def option(self, _name: str, _value):
        return self

    def csv(self, uris):
        rows = []
        for uri in uris:
            lines = [line for line in self._session.text(uri).splitlines() if line.strip()]
            rows += [{"source_file": split_uri(uri)[1]} for _ in lines[1:]]  # the first line is the header
        return Frame(self._session, rows, self._session.failure_of(uris))

    def text(self, uris):
        return Frame(self._session, [{"source_file": split_uri(uri)[1]}
                                     for uri in uris for line in self._session.text(uri).splitlines() if line.strip()],
                     self._session.failure_of(uris))

    def parquet(self, *uris):
        return Frame(self._session, [row for uri in uris for row in self._session.written(uri)])


class Session:
    """SparkSession: read, sql, table, createDataFrame; anything else (conf, sparkContext) a recorder."""

    def __init__(self, root: Path, scenario: dict) -> None:
        self.root = root
        self.views: dict[str, Frame] = {}
        self.transform = {path.read_text(encoding="utf-8"): path.stem.split("_", 1)[1]
                          for path in Path(scenario["sql"]).glob("*.sql")}
        self.rules = {path.read_text(encoding="utf-8"): path.stem for path in Path(scenario["rules"]).glob("*.sql")}
        self.view_rows = scenario.get("views", {})
        self.offending = scenario.get("offending", {})
        self.unreadable = scenario.get("unreadable", {})

    def failure_of(self, uris) -> str | None:
        """The failure of a read of these objects: the first unreadable one's, else none."""
        return next((self.unreadable[split_uri(uri)[1]] for uri in uris if split_uri(uri)[1] in self.unreadable), None)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return glue_fakes.Fake(f"pyspark.sql.SparkSession().{name}")

    @property
    def read(self):
        return Reader(self)

    def sql(self, text: str, args=None):
        if text in self.rules:
            name = self.rules[text]
            glue_fakes.RECORDER.record("SparkSession.sql", (name,), {"args": args})
            return Frame(self, [{"offending": self.offending.get(name, 0)}])
        view = self.transform.get(text, "(not a glue/sql file)")
        glue_fakes.RECORDER.record("SparkSession.sql", (view,), {"args": args})
        return Frame(self, self.view_rows.get(view, []), origin=view)

    def table(self, name: str):
        return self.views[name]

    def createDataFrame(self, rows, schema):  # noqa: N802
        glue_fakes.RECORDER.record("SparkSession.createDataFrame", (rows, schema), {})
        return Frame(self, rows)

    def path(self, uri: str) -> Path:
        bucket, key = split_uri(uri)
        return self.root / bucket / key

    def text(self, uri: str) -> str:
        content = self.path(uri).read_bytes()
        if uri.endswith(".gz"):  # Spark decompresses by the extension
            content = gzip.decompress(content)
        return content.decode("utf-8", errors="replace")

    def put(self, uri: str, rows) -> None:
        path = self.path(uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rows, default=str), encoding="utf-8")

    def written(self, uri: str):
        folder = self.path(uri)
        return [row for file in sorted(folder.rglob("part-*.json")) for row in json.loads(file.read_text(encoding="utf-8"))]


class DynamicFrameSource:
    """glue.create_dynamic_frame: from_options lists the objects under its path, as attachFilename names them."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def from_options(self, connection_type, connection_options, format, format_options, transformation_ctx):  # noqa: A002, ARG002
        glue_fakes.RECORDER.record("GlueContext.create_dynamic_frame.from_options", (),
                                   {"connection_options": connection_options, "transformation_ctx": transformation_ctx})
        bucket, prefix = split_uri(connection_options["paths"][0])
        excluded = json.loads(connection_options["exclusions"])
        base = self._session.root / bucket
        keys = sorted(path.relative_to(base).as_posix() for path in base.rglob("*") if path.is_file())
        rows = [{"key": key} for key in keys
                if key.startswith(prefix) and not any(fnmatch(key, pattern.replace("**", "*")) for pattern in excluded)]
        frame = Frame(self._session, rows)
        return type("DynamicFrame", (), {"toDF": lambda _self: frame})()


class GlueContext:
    def __init__(self, session: Session) -> None:
        self.spark_session = session
        self.create_dynamic_frame = DynamicFrameSource(session)


def install(root: Path, scenario_file: Path) -> None:
    """Replaces glue_fakes' recorders of the Spark session, the DataFrame type and the Glue context."""
    import sys

    session = Session(root, json.loads(scenario_file.read_text(encoding="utf-8")))
    sys.modules["pyspark.sql"].DataFrame = Frame  # reduce(DataFrame.unionByName, ...)
    sys.modules["py4j.protocol"].Py4JJavaError = SparkJobFailed
    sys.modules["pyspark.errors"].PySparkException = type("PySparkException", (Exception,), {})
    sys.modules["awsglue.context"].GlueContext = lambda _spark_context: GlueContext(session)
