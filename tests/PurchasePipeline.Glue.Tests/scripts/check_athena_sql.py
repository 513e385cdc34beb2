"""Checks the data-quality rules (glue/validation) read as Athena engine v3 (Trino) SQL.

usage: check_athena_sql.py VALIDATION_FOLDER

Each file must parse with sqlglot as Trino SQL into one query with ? parameters (at least one; each is the
job run id), return one column named offending (glue/validation/README.md), and call only the functions listed
below. Problems go to stderr, one a line; exit 1.
"""

from collections.abc import Iterator
from pathlib import Path

from sql_check import main, only_statement, unlisted_calls

# The Trino built-ins the rules rely on (https://trino.io/docs/current/functions.html), named as sqlglot
# names them. Add one only after checking it there and that DuckDB reads it the same way.
TRINO_FUNCTIONS = {"ABS", "CAST", "COALESCE", "COUNT", "MAX", "TRY_CAST"}


def check_file(path: Path) -> Iterator[str]:
    from sqlglot import exp

    query = only_statement(path, path.read_text(encoding="utf-8"), "Trino", (exp.Select,), "query")
    if not any(query.find_all(exp.Placeholder)):
        yield f"{path.name}: expected ? parameters (each the job run id), found none"
    columns = [projection.alias_or_name for projection in query.expressions]
    if columns != ["offending"]:
        yield f"{path.name}: expected one result column named offending, found {columns}"
    yield from unlisted_calls(
        path, query, TRINO_FUNCTIONS, "the Trino allow-list of tests/PurchasePipeline.Glue.Tests/scripts/check_athena_sql.py")


if __name__ == "__main__":
    main("check_athena_sql.py VALIDATION_FOLDER", "Trino", check_file)
