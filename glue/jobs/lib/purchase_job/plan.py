"""What the job runs, decided without Spark or AWS: the S3 paths, the transform steps and their binding order
(glue/sql/README.md), the outputs, the data-quality rules and their parameters."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from purchase_job.contract import (
    AGGREGATE_PREFIX, Binding, CLEAN_VIEW, DATES_VIEW, EXISTING_VIEW, JobInputError, LAKE_AGGREGATES,
    LAKE_CLEAN_PURCHASES, LAKE_REJECTED_PURCHASES, Output, REJECTED_VIEW, RULE_FILE, RUNNER_INPUTS, SQL_FILE,
    TransformStep, ValidationRule,
)


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


def audit_rows(manifest: Mapping[str, Any]) -> tuple[tuple, list[tuple]]:
    """The run's row of run_manifests and its rows of run_partitions, from the manifest it is about to publish:
    what Athena reads from the published manifest (infra LakeTables), the rules read from the staged one."""
    run_id = manifest["run_id"]
    counts = tuple(manifest[name] for name in ("rows_in", "rows_clean", "rows_rejected", "rows_deduplicated"))
    partitions = [(run_id, item["purchase_date"], item["row_count"]) for item in manifest["partitions"]]
    return (run_id, *counts), partitions
