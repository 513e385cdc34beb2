"""Checks the transform SQL (glue/sql) reads as Spark 3.5 SQL the way DuckDB reads it.

usage: check_spark_sql.py SQL_FOLDER

Each file must parse with sqlglot as Spark SQL into one SELECT, call only the functions listed below,
and hold no backslash and no ${ outside comments (Spark unescapes backslashes in literals, DuckDB does
not; Spark substitutes ${name} anywhere in the text). Its regular expressions must mean the same in Java
(Spark) and RE2 (DuckDB), see regex_problems, and every trim names the characters it removes. Problems go to
stderr, one a line; exit 1.
"""

import re
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
    yield from regex_problems(path, query)
    for trim in query.find_all(exp.Trim):
        if trim.args.get("expression") is None:
            # apache/spark common/unsafe/src/main/java/org/apache/spark/unsafe/types/UTF8String.java, trim():
            # ASCII 32 only; DuckDB's trim(x) also removes U+00A0, U+3000 and the other Unicode space separators.
            yield (f"{path.name}: {trim.sql(dialect='spark')} trims ' ' only in Spark and every Unicode space in "
                   "DuckDB: name the characters, trim(BOTH ' ' FROM x)")
    yield from unlisted_calls(
        path, query, SPARK_FUNCTIONS, "the Spark 3.5 allow-list of tests/PurchasePipeline.Glue.Tests/scripts/check_spark_sql.py")


def regex_problems(path: Path, query) -> Iterator[str]:
    r"""Where Spark's Java regular expressions and DuckDB's RE2 ones differ, in the constructs the SQL can write
    without a backslash. Spark's regexp_extract is Pattern.compile(p).matcher(s).find() (apache/spark
    sql/catalyst/src/main/scala/org/apache/spark/sql/catalyst/expressions/regexpExpressions.scala, RegExpExtract);
    DuckDB's is RE2.
    - $: in Java it matches at the end of the input and also before a line terminator that ends it
      (openjdk/jdk src/java.base/share/classes/java/util/regex/Pattern.java, class Dollar: \n, \r\n, \r,
      \u0085, \u2028, \u2029); in RE2 only at the end of the text (google/re2 doc/syntax.txt: "like \z not
      \Z"). So '^USI_[0-9]+$' finds USI_1 in 'USI_1' + newline in Spark and nothing in DuckDB. A pattern
      ending in $ is only allowed as a whole-value test, regexp_extract(x, '^...$', 0) compared with x itself:
      the match is x in both engines or x is rejected in both. (\z would do in both, but needs a backslash.
      A negated class before the $, [^...], can match a terminator and reopen the difference; none is used.)
    - . outside brackets: Java's excludes every line terminator above, RE2's only \n. Use a class ([.] for a dot).
    Other regular-expression functions (rlike, regexp_replace, ...) are kept out by the allow-list."""
    from sqlglot import exp

    for call in query.find_all(exp.Anonymous):
        if call.name.lower() != "regexp_extract" or len(call.expressions) != 3:
            continue
        subject, pattern, group = call.expressions
        if not (isinstance(pattern, exp.Literal) and pattern.is_string):
            yield f"{path.name}: {call.sql(dialect='spark')}: the pattern is not a string literal, so it cannot be checked"
            continue
        outside = re.sub(r"\[[^\]]*\]", "", pattern.this)
        if "." in outside:
            yield (f"{path.name}: '{pattern.this}' has . outside brackets: Java's . (Spark) excludes \\r, \\u0085, "
                   "\\u2028 and \\u2029, RE2's (DuckDB) only \\n; write the class you mean")
        if "$" in outside and not whole_value_test(call, subject, outside, group):
            yield (f"{path.name}: {call.sql(dialect='spark')} anchors with $, which in Java (Spark) also matches before a "
                   "final line terminator and in RE2 (DuckDB) does not: write regexp_extract(x, '^...$', 0) <> x")


def whole_value_test(call, subject, unbracketed: str, group) -> bool:
    """regexp_extract(x, '...$', 0) = x or <> x, with one $ outside brackets, at the end: the only use of $ that
    both engines read the same way."""
    from sqlglot import exp

    comparison = call.parent
    if not isinstance(comparison, (exp.EQ, exp.NEQ)) or not unbracketed.endswith("$") or "$" in unbracketed[:-1]:
        return False
    other = comparison.expression if comparison.this is call else comparison.this
    return isinstance(group, exp.Literal) and group.this == "0" and other == subject


if __name__ == "__main__":
    main("check_spark_sql.py SQL_FOLDER", "Spark", check_file)
