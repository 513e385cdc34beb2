"""Imports the Glue job and its package (without Spark or Glue, which they guard) and runs one of its pure helpers.

usage: inspect_job.py JOB_SCRIPT COMMAND [ARGUMENT...]
  columns                    the raw and users columns the job expects, as JSON
  lake-prefixes              the job's LAKE_* constants: {"LAKE_CLEAN_PURCHASES": "clean/purchases/", ...}
  steps SQL_FOLDER           the transform steps it finds in a folder: [[file, view], ...]
  outputs SQL_FOLDER         what it writes where: [[view, target, partition_by, append], ...]
  header KEY TEXT            the columns of a CSV header line, or the error the job stops with
  extra-fields RECORD COUNT  the extra_fields text of a CSV record with COUNT header columns
  manifest SPEC_JSON         the manifest text for {"objects": [[key, etag]], "rows_per_file": {},
                             "clean_rows_per_date": {}, "rejected_by_reason": {},
                             "quarantined": [[key, etag, reason]]}
  probe S3_ROOT BUCKET KEY...  how the job takes new objects of a folder S3 (glue_fakes.FolderS3):
                             {"read": [[key, etag, header or null]], "quarantined": [[key, etag, reason]]}
Results are JSON on stdout; {"error": message} when the helper refuses its input.
"""

import importlib
import importlib.util
import json
import pkgutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType, SimpleNamespace

import glue_fakes

STARTED_AT = datetime(2026, 11, 25, 10, 0, 0, tzinfo=timezone.utc)


def load_job(path: str, package_paths: list[str] | None = None) -> ModuleType:
    """The entry script as a module, with its package importable from package_paths (put first on sys.path, as Glue
    puts the --extra-py-files); by default the repository's glue/jobs/lib beside the script."""
    for package_path in reversed(package_paths if package_paths is not None else [str(Path(path).parent / "lib")]):
        sys.path.insert(0, package_path)
    spec = importlib.util.spec_from_file_location("clean_purchases", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it is being executed
    spec.loader.exec_module(module)
    return module


def load_helpers(path: str) -> SimpleNamespace:
    """The entry script and every module of its package in one namespace, for their pure helpers and constants."""
    load_job(path)
    import purchase_job

    names = {}
    for info in pkgutil.iter_modules(purchase_job.__path__):
        module = importlib.import_module(f"purchase_job.{info.name}")
        names.update({name: value for name, value in vars(module).items() if not name.startswith("_")})
    names.update({name: value for name, value in vars(sys.modules["clean_purchases"]).items() if not name.startswith("_")})
    return SimpleNamespace(**names)


def manifest(job: ModuleType, spec: dict) -> str:
    objects = [job.RawObject(key=key, etag=etag) for key, etag in spec.get("objects", [])]
    built = job.build_manifest(
        run_id="jr_test",
        job_name="clean_purchases",
        started_at=STARTED_AT,
        completed_at=STARTED_AT + timedelta(seconds=5),
        objects=objects,
        rows_per_file=spec.get("rows_per_file", {}),
        clean_rows_per_date=spec.get("clean_rows_per_date", {}),
        rejected_by_reason=spec.get("rejected_by_reason", {}),
        quarantined=[job.QuarantinedObject(key=key, etag=etag, reason=reason) for key, etag, reason in spec.get("quarantined", [])],
    )
    return job.manifest_text(built)


def run(job: ModuleType, command: str, arguments: list[str]) -> object:
    if command == "columns":
        return {"raw": list(job.RAW_COLUMNS), "users": list(job.USER_COLUMNS)}
    if command == "lake-prefixes":
        return {name: value for name, value in vars(job).items() if name.startswith("LAKE_") and isinstance(value, str)}
    if command == "steps":
        steps = job.transform_steps(job.read_sql_files(None, arguments[0]))
        return [[step.file_name, step.view] for step in steps]
    if command == "outputs":
        steps = job.transform_steps(job.read_sql_files(None, arguments[0]))
        return [[o.view, o.target, o.partition_by, o.append] for o in job.outputs_of(steps)]
    if command == "header":
        return list(job.parse_header(arguments[0], arguments[1].encode("utf-8"), whole_object=True))
    if command == "extra-fields":
        return job.fields_beyond(arguments[0], int(arguments[1]))
    if command == "probe":
        read, quarantined = job.probe_objects(glue_fakes.FolderS3(Path(arguments[0])), arguments[1], arguments[2:])
        return {"read": [[o.key, o.etag, None if o.header is None else list(o.header)] for o in read],
                "quarantined": [[o.key, o.etag, o.reason] for o in quarantined]}
    if command == "manifest":
        return manifest(job, json.loads(arguments[0]))
    raise SystemExit(f"unknown command {command}")


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    job = load_helpers(sys.argv[1])
    try:
        result = run(job, sys.argv[2], sys.argv[3:])
    except job.JobInputError as error:
        result = {"error": str(error)}
    if sys.argv[2] == "manifest":
        sys.stdout.write(result)
    else:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
