"""Checks the transform SQL (glue/sql) reads as Spark 3.5 SQL the way DuckDB reads it.

usage: check_spark_sql.py SQL_FOLDER

Each file must parse with sqlglot as Spark SQL into one SELECT, call only the functions listed below,
and hold no backslash and no ${ outside comments (Spark unescapes backslashes in literals, DuckDB does
not; Spark substitutes ${name} anywhere in the text). Problems go to stderr, one a line; exit 1.
"""

import sys

from sql_text import first_line, sql_files, without_comments
from sqlglot_required import load_sqlglot

# The Spark 3.5 built-ins the transform relies on (https://spark.apache.org/docs/3.5.0/api/sql/), named
# as sqlglot names them. Add one only after checking it there and that DuckDB reads it the same way.
SPARK_FUNCTIONS = {
    "CASE": "conditional expression",
    "CAST": "sqlglot's Spark dialect reads CAST as TRY_CAST; both are Spark",
    "TRY_CAST": "Spark 3.2+",
    "COALESCE": "",
    "CONCAT_WS": "",
    "COUNT": "",
    "LOWER": "",
    "MD5": "lower-case hex, as DuckDB's md5",
    "MIN": "",
    "NULLIF": "",
    "RANK": "window function",
    "REGEXP_EXTRACT": "group 0 is the whole match; no match gives '' in both engines",
    "ROW_NUMBER": "window function",
    "SUM": "",
    "TRIM": "",
    "UPPER": "",
}


def function_names(tree, exp) -> list[str]:
    names = []
    for node in tree.find_all(exp.Func):
        if isinstance(node, exp.If) and isinstance(node.parent, exp.Case):
            continue  # a WHEN branch of CASE, not a call of IF
        names.append(node.name.upper() if isinstance(node, exp.Anonymous) else node.sql_name().upper())
    return names


def check_file(path, sqlglot) -> list[str]:
    from sqlglot import exp
    from sqlglot.errors import ErrorLevel

    text = path.read_text(encoding="utf-8")
    problems = []
    for number, line in without_comments(text):
        if "\\" in line:
            problems.append(f"{path.name}:{number}: backslash outside a comment (Spark unescapes it, DuckDB does not)")
        if "${" in line:
            problems.append(f"{path.name}:{number}: '${{' (Spark substitutes ${{name}} variables in SQL text)")
    try:
        trees = [tree for tree in sqlglot.parse(text, read="spark", error_level=ErrorLevel.RAISE) if tree]
    except sqlglot.errors.SqlglotError as error:
        return [*problems, f"{path.name}: does not parse as Spark SQL: {first_line(error)}"]
    if len(trees) != 1 or not isinstance(trees[0], (exp.Select, exp.Union)):
        return [*problems, f"{path.name}: expected exactly one SELECT, found {[type(t).__name__ for t in trees]}"]
    for literal in trees[0].find_all(exp.Literal):
        if literal.is_string and "\\" in literal.this:
            problems.append(f"{path.name}: backslash in literal '{literal.this}'")
    for name in sorted(set(function_names(trees[0], exp))):
        if name not in SPARK_FUNCTIONS:
            problems.append(
                f"{path.name}: calls {name}, not in the Spark 3.5 allow-list of "
                "tests/PurchasePipeline.Glue.Tests/scripts/check_spark_sql.py")
    return problems


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: check_spark_sql.py SQL_FOLDER")
    sqlglot = load_sqlglot()
    files = sql_files(sys.argv[1])
    problems = [problem for path in files for problem in check_file(path, sqlglot)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked {len(files)} file(s) as Spark SQL with sqlglot {sqlglot.__version__}: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
