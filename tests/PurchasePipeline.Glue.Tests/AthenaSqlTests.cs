using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// glue/validation reads as Athena engine v3 (Trino) SQL (scripts/check_athena_sql.py, sqlglot): one
/// query a file, ? parameters that are each the job run id, one result column named offending.
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
