using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// glue/sql reads as Spark 3.5 SQL (scripts/check_spark_sql.py, sqlglot): one SELECT a file, only the
/// Spark built-ins of its allow-list, no backslash or ${ outside comments. The broken folders below show
/// the check can fail.
/// </summary>
[Trait("Requires", "sqlglot")]
public sealed class SparkSqlTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Check_GlueSql_ParsesAsSparkWithAllowListedFunctionsOnly()
    {
        var run = await Python.ScriptAsync("check_spark_sql.py", GluePaths.SqlFolder);

        PythonAssert.Succeeded(run);
    }

    [Fact]
    public async Task Check_DuckDbOnlyFunction_FailsNamingTheFileAndTheFunction()
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), "SELECT list_contains(t.tags, 'x') AS tagged FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql: calls LIST_CONTAINS, not in the Spark 3.5 allow-list");
    }

    [Fact]
    public async Task Check_BackslashInALiteral_Fails()
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), "SELECT regexp_extract(t.user_id, '^USI_\\d+$', 0) AS id FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql:1: backslash outside a comment");
    }

    // Spark's regexp_extract is java.util.regex find() (apache/spark sql/catalyst/src/main/scala/org/apache/spark/
    // sql/catalyst/expressions/regexpExpressions.scala, RegExpExtract); Java's $ also matches before a final line
    // terminator (openjdk/jdk src/java.base/share/classes/java/util/regex/Pattern.java, class Dollar), RE2's
    // (DuckDB) only at the end of the text (google/re2 doc/syntax.txt). Java's . excludes \r, \u0085, \u2028 and
    // \u2029, RE2's only \n.
    [Theory]
    [InlineData("regexp_extract(t.user_id, '^USI_[0-9]+$', 0) = ''")]
    [InlineData("regexp_extract(t.user_id, '^USI_[0-9]+$', 0) <> t.session_id")]
    [InlineData("regexp_extract(t.user_id, '^(USI_[0-9]+)$', 1) <> t.user_id")]
    [InlineData("regexp_extract(t.user_id, '^USI_[0-9]+$|^X$', 0) <> t.user_id")]
    public async Task Check_DollarAnchorOtherThanAWholeValueTest_FailsNamingTheEngines(string condition)
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), $"SELECT CASE WHEN {condition} THEN 'invalid_user_id' END AS reason FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql: REGEXP_EXTRACT(t.user_id, ", "anchors with $, which in Java (Spark) also matches before a final line terminator and in RE2 (DuckDB) does not");
    }

    [Theory]
    [InlineData("regexp_extract(t.user_id, '^USI_[0-9]+$', 0) <> t.user_id")]
    [InlineData("t.user_id = regexp_extract(t.user_id, '^USI_[0-9]+[$]?$', 0)")]
    [InlineData("regexp_extract(t.user_id, '^USI_[0-9]+', 0) = ''")]
    public async Task Check_WholeValueTestOrNoDollar_Passes(string condition)
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), $"SELECT CASE WHEN {condition} THEN 'invalid_user_id' END AS reason FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.Succeeded(run);
    }

    [Fact]
    public async Task Check_DotOutsideBrackets_Fails()
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), "SELECT regexp_extract(t.price, '^[0-9]+.[0-9]{2}$', 0) = t.price AS ok FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql: '^[0-9]+.[0-9]{2}$' has . outside brackets");
    }

    [Fact]
    public async Task Check_TrimWithoutCharacters_FailsSayingWhatEachEngineTrims()
    {
        // Spark's trim(x) removes ASCII 32 only (apache/spark common/unsafe/src/main/java/org/apache/spark/unsafe/
        // types/UTF8String.java, trim()); DuckDB's also removes U+00A0 and the other Unicode space separators.
        File.WriteAllText(temp.Combine("01_typed.sql"), "SELECT trim(t.user_id) AS a, trim(BOTH ' ' FROM t.brand) AS b FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql: TRIM(t.user_id) trims ' ' only in Spark and every Unicode space in DuckDB");
        Assert.DoesNotContain("t.brand", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_VariableSubstitution_Fails()
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), "SELECT '${run}' AS run_id FROM raw_purchases AS t\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql:1: '${'");
    }

    [Fact]
    public async Task Check_NotSql_FailsNamingTheFile()
    {
        File.WriteAllText(temp.Combine("01_typed.sql"), "SELECT FROM WHERE (\n");

        var run = await Python.ScriptAsync("check_spark_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "01_typed.sql: does not parse as Spark SQL");
    }

    [Fact]
    public async Task Check_PythonWithoutSqlglot_FailsWithTheTestCommand()
    {
        // -S leaves out site-packages, where apt installs python3-sqlglot: the test fails, it is not skipped.
        var run = await Python.RunAsync("-S", GluePaths.Script("check_spark_sql.py"), GluePaths.SqlFolder);

        PythonAssert.FailedSaying(run, "sqlglot is not installed", "tests/run-tests.sh", "python3-sqlglot");
    }
}
