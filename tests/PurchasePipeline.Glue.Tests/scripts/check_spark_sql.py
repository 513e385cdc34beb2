"""Checks the transform SQL (glue/sql) reads as Spark 3.5 SQL the way DuckDB reads it.

usage: check_spark_sql.py SQL_FOLDER

Each file must parse with sqlglot as Spark SQL into one SELECT, call only the functions listed below,
and hold no backslash and no ${ outside comments (Spark unescapes backslashes in literals, DuckDB does
not; Spark substitutes ${name} anywhere in the text). Problems go to stderr, one a line; exit 1.
"""

from collections.abc import Iterator
from pathlib import Path

from sql_check import main, only_statement, unlisted_calls
from sql_text import without_comments

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


def check_file(path: Path) -> Iterator[str]:
    from sqlglot import exp

    text = path.read_text(encoding="utf-8")
    for number, line in without_comments(text):
        if "\\" in line:
            yield f"{path.name}:{number}: backslash outside a comment (Spark unescapes it, DuckDB does not)"
        if "${" in line:
            yield f"{path.name}:{number}: '${{' (Spark substitutes ${{name}} variables in SQL text)"
    query = only_statement(path, text, "Spark", (exp.Select, exp.Union), "SELECT")
    for literal in query.find_all(exp.Literal):
        if literal.is_string and "\\" in literal.this:
            yield f"{path.name}: backslash in literal '{literal.this}'"
    yield from unlisted_calls(
        path, query, SPARK_FUNCTIONS, "the Spark 3.5 allow-list of tests/PurchasePipeline.Glue.Tests/scripts/check_spark_sql.py")


if __name__ == "__main__":
    main("check_spark_sql.py SQL_FOLDER", "Spark", check_file)
