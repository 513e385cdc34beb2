"""Checks the binding order of glue/sql/README.md against the SQL and the Glue job, and prints it.

usage: check_binding_order.py SQL_FOLDER JOB_SCRIPT

- The README's "Binding order" table lists every file of the folder, in file-name order, each as the view named
  after it; the other rows are bound by the runner.
- Each file's reads column is the set of tables its SQL reads (sqlglot, Spark dialect; its own CTEs left out),
  and each of them is bound above it.
- The job's binding_order (imported without Spark) is the table's order, row for row.
stdout: {"readme": [[view, source]...], "job": [[view, source]...]}; problems go to stderr, one a line; exit 1.
"""

import json
import re
import sys
from pathlib import Path

from inspect_job import load_helpers
from sqlglot_required import load_sqlglot

RUNNER = "runner"


def readme_table(folder: Path) -> list[tuple[str, str, set[str]]]:
    """(view, bound from, reads) of each row of the README's "Binding order" table, in order."""
    text = (folder / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Binding order$(.*?)^## ", text, re.MULTILINE | re.DOTALL)
    rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+?) \| ([^|]*?) ?\|$", section.group(1) if section else "", re.MULTILINE)
    return [(view, source.strip(), {name.strip() for name in reads.split(",") if name.strip()}) for view, source, reads in rows]


def tables_read(sql: str) -> set[str]:
    import sqlglot
    from sqlglot import exp

    tree = sqlglot.parse_one(sql, read="spark")
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    return {table.name for table in tree.find_all(exp.Table)} - ctes


def problems(folder: Path, table: list[tuple[str, str, set[str]]], job_order: list[tuple[str, str]]) -> list[str]:
    found = []
    files = sorted(path.name for path in folder.glob("*.sql"))
    listed = [source for _, source, _ in table if source != RUNNER]
    if listed != files:
        found.append(f"README.md's binding order lists the files {listed}, the folder holds {files} (in file-name order)")
    bound: set[str] = set()
    for view, source, reads in table:
        if source != RUNNER:
            if re.sub(r"^[0-9]+_|\.sql$", "", source) != view:
                found.append(f"README.md binds {view} from {source}, which is not named after it")
            if (folder / source).is_file():
                actual = tables_read((folder / source).read_text(encoding="utf-8"))
                if actual != reads:
                    found.append(f"{source} reads {sorted(actual)}, README.md says {sorted(reads)}")
        early = sorted(reads - bound)
        if early:
            found.append(f"{view} reads {', '.join(early)}, bound below it in README.md's binding order")
        bound.add(view)
    readme_order = [(view, source) for view, source, _ in table]
    if job_order != readme_order:
        found.append(f"the Glue job's binding_order {job_order} is not README.md's {readme_order}")
    return found


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    load_sqlglot()
    folder = Path(sys.argv[1])
    job = load_helpers(sys.argv[2])
    steps = job.transform_steps(job.read_sql_files(None, str(folder)))
    job_order = [(b.view, RUNNER if b.step is None else b.step.file_name) for b in job.binding_order(steps)]
    table = readme_table(folder)
    print(json.dumps({"readme": [[view, source] for view, source, _ in table], "job": [list(b) for b in job_order]}))
    found = problems(folder, table, job_order)
    for problem in found:
        print(problem, file=sys.stderr)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
