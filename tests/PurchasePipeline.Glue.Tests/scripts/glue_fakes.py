"""Stand-ins for what Glue 5.0 gives the job and this machine lacks: Spark, the Glue context and job, boto3.

- awsglue.utils is not faked here: it is glue_args, the re-implementation of the library's parser.
- pyspark.*, awsglue.context and awsglue.job are recorders: any name is a Fake, and calling one is
  recorded as (path, arguments). A Fake answers no to every question and is an empty collection, so a run
  sees no new objects. The launch stops, raising StopLaunch, at the first call whose path starts with the
  stop prefix.
- boto3.client("s3") is an S3 over a local folder (ROOT/BUCKET/KEY), for the SQL files the job lists and
  reads, the objects it probes, the manifest it writes and the staging copy it deletes.
- scripted_glue replaces the Spark session and Glue context with ones that carry rows, for a launch with a
  scenario.
"""

import hashlib
import io
import sys
from pathlib import Path
from types import ModuleType

import glue_args


class StopLaunch(BaseException):
    """The launch reached its stop point. A BaseException, so no except clause of the job catches it."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class Recorder:
    def __init__(self, stop_prefix: str | None) -> None:
        self.stop_prefix = stop_prefix
        self.calls: list[dict] = []

    def record(self, path: str, args: tuple, kwargs: dict) -> None:
        self.calls.append({"call": path, "args": [plain(a) for a in args],
                           "kwargs": {k: plain(v) for k, v in kwargs.items()}})
        if self.stop_prefix is not None and path.startswith(self.stop_prefix):
            raise StopLaunch(path)


RECORDER = Recorder(None)


class Fake:
    def __init__(self, path: str) -> None:
        self._path = path

    def __getattr__(self, name: str) -> "Fake":
        if name.startswith("__"):
            raise AttributeError(name)
        return Fake(f"{self._path}.{name}")

    def __call__(self, *args, **kwargs) -> "Fake":
        RECORDER.record(self._path, args, kwargs)
        return Fake(self._path + "()")

    def __bool__(self) -> bool:
        return False

    def __iter__(self):
        return iter(())

    def __repr__(self) -> str:
        return self._path


def plain(value):
    """A recorded argument as JSON: containers kept, Fakes by their path, anything else as text."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return repr(value)


class FolderS3:
    """The S3 calls the job makes, on ROOT/BUCKET/KEY."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _file(self, bucket: str, key: str) -> Path:
        return self.root / bucket / key

    def _keys(self, bucket: str, prefix: str) -> list[str]:
        base = self.root / bucket
        files = base.rglob("*") if base.is_dir() else []
        return sorted(k for k in (f.relative_to(base).as_posix() for f in files if f.is_file()) if k.startswith(prefix))

    def get_paginator(self, operation: str):
        assert operation == "list_objects_v2", operation
        s3 = self

        class Paginator:
            def paginate(self, Bucket: str, Prefix: str):  # noqa: N803 - boto3's names
                return [{"Contents": [{"Key": key} for key in s3._keys(Bucket, Prefix)]}]

        return Paginator()

    def get_object(self, Bucket: str, Key: str, Range: str | None = None, **_):  # noqa: N803
        content = self._file(Bucket, Key).read_bytes()
        if Range is not None:  # only the form the job sends: bytes=FIRST-LAST, both inclusive
            first, last = (int(n) for n in Range.removeprefix("bytes=").split("-"))
            content = content[first:last + 1]
        return {"Body": io.BytesIO(content), "ETag": self._etag(Bucket, Key)}

    def head_object(self, Bucket: str, Key: str, **_):  # noqa: N803
        return {"ETag": self._etag(Bucket, Key), "ContentLength": self._file(Bucket, Key).stat().st_size}

    def _etag(self, bucket: str, key: str) -> str:
        """S3's ETag of a single-part upload: the quoted MD5 of the content."""
        return '"' + hashlib.md5(self._file(bucket, key).read_bytes()).hexdigest() + '"'  # noqa: S324 - S3's choice

    def list_objects_v2(self, Bucket: str, Prefix: str, MaxKeys: int = 1000, **_):  # noqa: N803
        keys = self._keys(Bucket, Prefix)[:MaxKeys]
        return {"KeyCount": len(keys), "Contents": [{"Key": key} for key in keys]}

    def delete_objects(self, Bucket: str, Delete: dict, **_):  # noqa: N803
        for item in Delete["Objects"]:
            self._file(Bucket, item["Key"]).unlink(missing_ok=True)
        RECORDER.record("boto3.client('s3').delete_objects", (), {"Bucket": Bucket, "Keys": [i["Key"] for i in Delete["Objects"]]})

    def put_object(self, Bucket: str, Key: str, Body: bytes, **_):  # noqa: N803
        path = self._file(Bucket, Key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(Body)
        RECORDER.record("boto3.client('s3').put_object", (), {"Bucket": Bucket, "Key": Key})


def recording_module(name: str) -> ModuleType:
    module = ModuleType(name)
    module.__path__ = []  # a package, so its submodules import
    module.__getattr__ = lambda attribute: Fake(f"{name}.{attribute}")
    return module


def install(s3_root: Path, stop_prefix: str | None) -> Recorder:
    """Puts the stand-ins where the job imports them from; returns the recorder of their calls."""
    RECORDER.stop_prefix = stop_prefix
    names = ["pyspark", "pyspark.context", "pyspark.sql", "pyspark.sql.functions", "pyspark.sql.types",
             "pyspark.sql.window", "pyspark.errors", "py4j", "py4j.protocol", "awsglue", "awsglue.context", "awsglue.job"]
    for name in names:
        sys.modules[name] = recording_module(name)
    sys.modules["awsglue.utils"] = glue_args
    boto3 = ModuleType("boto3")
    boto3.client = lambda service: FolderS3(s3_root) if service == "s3" else Fake(f"boto3.client({service!r})")
    sys.modules["boto3"] = boto3
    return RECORDER
