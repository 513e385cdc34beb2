using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>`query`: read-only SQL over the local lake's tables, through the CLI.</summary>
public sealed class QueryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Home => temp.Combine("home");

    [Fact]
    public async Task Query_AfterRun_CountsWhatTheManifestSaysWasCleaned()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home);

        var json = await CliHarness.RunAsync("query", "SELECT count(*) AS n FROM clean_purchases", "--json", "--home", Home);
        var table = await CliHarness.RunAsync("query", "SELECT rows_clean FROM run_manifests", "--home", Home);

        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(generated.Batches[0].ValidUnique, (int)JsonNode.Parse(json.Output)![0]!["n"]!);
        Assert.Contains("rows_clean", table.Output, StringComparison.Ordinal);
        Assert.Contains($"│ {generated.Batches[0].ValidUnique}", table.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 row", table.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_EmptyHome_SeesEveryTableEmpty()
    {
        var result = await CliHarness.RunAsync("query", "SHOW TABLES", "--json", "--home", Home);

        Assert.True(result.ExitCode == 0, result.Error);
        var tables = JsonNode.Parse(result.Output)!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("clean_purchases", tables);
        Assert.Contains("run_partitions", tables);
        Assert.Contains("agg_daily_brand", tables);
    }

    [Theory]
    [InlineData("DELETE FROM clean_purchases", "DELETE")]
    [InlineData("COPY (SELECT 1) TO 'out.csv'", "COPY")]
    [InlineData("SELECT 1; SELECT 2", "several statements")]
    [InlineData("EXPLAIN ANALYZE SELECT 1", "EXPLAIN")]
    [InlineData("ATTACH 'other.duckdb'", "ATTACH")]
    public async Task Query_NotARead_IsRefusedWithOneLineAndExitTwo(string sql, string got)
    {
        var result = await CliHarness.RunAsync("query", sql, "--home", Home);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"query: only a read runs here: one SELECT (or WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN); got {got}", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Query_NestedAndBinaryValues_AreJsonArraysObjectsAndBase64()
    {
        var result = await CliHarness.RunAsync("query", NestedValues.Sql, "--json", "--home", Home);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(NestedValues.Json), JsonNode.Parse(result.Output)), result.Output);
    }

    [Fact]
    public async Task Query_BeyondTheMemoryLimitItCannotSpill_FailsWithOneLineNamingTheVariable()
    {
        using var cli = CliProcess.Start(
            new Dictionary<string, string?> { [DuckMemory.LimitVariable] = "1MB" },
            "query", "SELECT count(*) FROM (SELECT range % 1000000 AS k FROM range(3000000) GROUP BY k)", "--home", Home);

        Assert.Equal(1, await cli.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        var line = Assert.Single(cli.Error.Trim().Split('\n'));
        Assert.StartsWith($"query: the query ran out of its DuckDB memory limit 1MB: raise {DuckMemory.LimitVariable} ", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.Combine(Home, "tmp", "duckdb")));
    }

    [Fact]
    public async Task Query_DuckDbError_IsItsMessageOnOneLine()
    {
        var result = await CliHarness.RunAsync("query", "SELECT nope FROM run_manifests", "--home", Home);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("query: Binder Error: Referenced column \"nope\" not found", line, StringComparison.Ordinal);
    }
}
