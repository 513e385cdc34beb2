using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// glue/validation reads as Athena engine v3 (Trino) SQL (scripts/check_athena_sql.py, sqlglot): one
/// query a file, ? parameters that are each the job run id, one result column named offending; and as Spark
/// SQL, which the Glue job audits its staged output with.
/// </summary>
[Trait("Requires", "sqlglot")]
public sealed class AthenaSqlTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Check_GlueValidation_ParsesAsTrinoWithOneParameterAndOneOffendingColumn()
    {
        var run = await Python.ScriptAsync("check_athena_sql.py", GluePaths.ValidationFolder);

        PythonAssert.Succeeded(run);
    }

    [Fact]
    public async Task Check_RuleWithoutParameterAndAnotherColumn_FailsNamingTheFile()
    {
        File.WriteAllText(temp.Combine("broken_rule.sql"), "SELECT count(*) AS n FROM clean_purchases AS c WHERE c.run_id = 'jr_1'\n");

        var run = await Python.ScriptAsync("check_athena_sql.py", temp.Path);

        PythonAssert.FailedSaying(
            run,
            "broken_rule.sql: expected ? parameters (each the job run id), found none",
            "broken_rule.sql: expected one result column named offending, found ['n']");
    }

    /// <summary>
    /// Regression: every rule bound its parameter as CAST(? AS VARCHAR), which Trino and DuckDB read and Spark's parser
    /// refuses (DATATYPE_MISSING_SIZE: apache/spark sql/api/src/main/scala/org/apache/spark/sql/catalyst/parser/
    /// DataTypeAstBuilder.scala, visitPrimitiveDataType), so the Glue job could not run the rules.
    /// </summary>
    [Fact]
    public async Task Check_VarcharWithoutLength_FailsSayingSparkRefusesIt()
    {
        File.WriteAllText(temp.Combine("typed_rule.sql"), "WITH this_run AS (SELECT CAST(? AS VARCHAR) AS run_id)\nSELECT count(*) AS offending FROM this_run AS t\n");

        var run = await Python.ScriptAsync("check_athena_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "typed_rule.sql: VARCHAR without a length: Spark refuses it (DATATYPE_MISSING_SIZE)");
    }

    [Fact]
    public async Task Check_NotSql_FailsNamingTheFile()
    {
        File.WriteAllText(temp.Combine("broken_rule.sql"), "SELECT count(* AS offending FROM\n");

        var run = await Python.ScriptAsync("check_athena_sql.py", temp.Path);

        PythonAssert.FailedSaying(run, "broken_rule.sql: does not parse as Trino SQL");
    }

    [Fact]
    public async Task Check_PythonWithoutSqlglot_FailsWithTheTestCommand()
    {
        var run = await Python.RunAsync("-S", GluePaths.Script("check_athena_sql.py"), GluePaths.ValidationFolder);

        PythonAssert.FailedSaying(run, "sqlglot is not installed", "tests/run-tests.sh");
    }
}
