"""Checks the data-quality rules (glue/validation) read as Athena engine v3 (Trino) SQL, and as Spark 3.5 SQL,
which the Glue job runs them with to audit its staged output before publishing it.

usage: check_athena_sql.py VALIDATION_FOLDER

Each file must parse with sqlglot as Trino SQL into one query with ? parameters (at least one; each is the
job run id), return one column named offending (glue/validation/README.md), and call only the functions listed
below. It must also parse as Spark SQL and name no CHAR or VARCHAR type without a length: Spark's parser
refuses one (DATATYPE_MISSING_SIZE; apache/spark sql/api/src/main/scala/org/apache/spark/sql/catalyst/parser/
DataTypeAstBuilder.scala, visitPrimitiveDataType), where Trino and DuckDB read VARCHAR as unbounded text, and
sqlglot accepts it in both dialects. Problems go to stderr, one a line; exit 1.
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
    yield from spark_problems(path)


def spark_problems(path: Path) -> Iterator[str]:
    from sqlglot import exp

    query = only_statement(path, path.read_text(encoding="utf-8"), "Spark", (exp.Select,), "query")
    unsized = (exp.DataType.Type.CHAR, exp.DataType.Type.VARCHAR, exp.DataType.Type.NCHAR, exp.DataType.Type.NVARCHAR)
    for node in query.find_all(exp.DataType):
        if node.this in unsized and not node.expressions:
            yield (f"{path.name}: {node.sql(dialect='trino')} without a length: Spark refuses it (DATATYPE_MISSING_SIZE), "
                   "and the Glue job runs the rules with Spark; leave the value uncast or use another type")


if __name__ == "__main__":
    main("check_athena_sql.py VALIDATION_FOLDER", "Trino", check_file)
