"""Checks the data-quality rules (glue/validation) read as Athena engine v3 (Trino) SQL.

usage: check_athena_sql.py VALIDATION_FOLDER

Each file must parse with sqlglot as Trino SQL into one query with ? parameters (at least one; each is the
job run id), return one column named offending (glue/validation/README.md), and call only the functions listed
below. Problems go to stderr, one a line; exit 1.
"""

import sys

from sql_text import first_line, sql_files
from sqlglot_required import load_sqlglot

# The Trino built-ins the rules rely on (https://trino.io/docs/current/functions.html), named as sqlglot
# names them. Add one only after checking it there and that DuckDB reads it the same way.
TRINO_FUNCTIONS = {"ABS", "CAST", "COALESCE", "COUNT", "MAX", "TRY_CAST"}


def check_file(path, sqlglot) -> list[str]:
    from sqlglot import exp
    from sqlglot.errors import ErrorLevel

    try:
        trees = [tree for tree in sqlglot.parse(path.read_text(encoding="utf-8"), read="trino",
                                                error_level=ErrorLevel.RAISE) if tree]
    except sqlglot.errors.SqlglotError as error:
        return [f"{path.name}: does not parse as Trino SQL: {first_line(error)}"]
    if len(trees) != 1 or not isinstance(trees[0], exp.Select):
        return [f"{path.name}: expected exactly one query, found {[type(t).__name__ for t in trees]}"]
    query = trees[0]
    problems = []
    parameters = list(query.find_all(exp.Placeholder))
    if not parameters:
        problems.append(f"{path.name}: expected ? parameters (each the job run id), found none")
    columns = [projection.alias_or_name for projection in query.expressions]
    if columns != ["offending"]:
        problems.append(f"{path.name}: expected one result column named offending, found {columns}")
    for node in query.find_all(exp.Func):
        if isinstance(node, exp.If) and isinstance(node.parent, exp.Case):
            continue
        name = node.name.upper() if isinstance(node, exp.Anonymous) else node.sql_name().upper()
        if name not in TRINO_FUNCTIONS:
            problems.append(
                f"{path.name}: calls {name}, not in the Trino allow-list of "
                "tests/PurchasePipeline.Glue.Tests/scripts/check_athena_sql.py")
    return sorted(set(problems))


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: check_athena_sql.py VALIDATION_FOLDER")
    sqlglot = load_sqlglot()
    files = sql_files(sys.argv[1])
    problems = [problem for path in files for problem in check_file(path, sqlglot)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked {len(files)} file(s) as Trino SQL with sqlglot {sqlglot.__version__}: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
