using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>`run` on the real local plane (no mocks), then `executions list|show` as the console would show the runs.</summary>
public sealed class ExecutionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Home => temp.Combine("home");

    [Fact]
    public async Task ExecutionsList_AfterRun_ShowsItSucceededWithinTheTransitionBudget()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));

        var run = await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var execution = Assert.Single(await Executions.ListAsync(Home))!;
        Assert.Equal("SUCCEEDED", (string?)execution["status"]);
        Assert.Equal("purchase-pipeline", (string?)execution["stateMachine"]);
        Assert.StartsWith("arn:aws:states:local:000000000000:execution:purchase-pipeline:", (string?)execution["executionArn"], StringComparison.Ordinal);
        Assert.Equal(27, (int?)execution["stateTransitions"]);
        Assert.Null((string?)execution["error"]);
    }

    [Fact]
    public async Task ExecutionsShow_Json_ListsStatesVisitedManifestInputAndOutput()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home);
        var name = (string)(await Executions.ListAsync(Home))[0]!["name"]!;

        var shown = await Executions.ShowAsync(Home, name);

        Assert.Equal("SUCCEEDED", (string?)shown["status"]);
        Assert.Equal(
            ["CheckInput", "Initialize", "Crawl", "StartCrawler", "WaitForCrawler", "GetCrawlerState", "IsCrawlerReady", "CrawlerReady",
             "Transform", "StartEtlJob", "WaitForJob", "GetJobRun", "IsJobDone", "JobSucceeded",
             "Validate", "StartValidation", "WaitForValidation", "GetValidationResult", "IsDataValid", "DataValid", "IsRefreshConfigured",
             "Refresh", "RefreshDataset", "WaitForRefresh", "GetRefreshStatus", "IsRefreshDone", "RefreshCompleted"],
            shown["states"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("Object Created", (string?)shown["input"]!["detail-type"]);
        Assert.Equal(generated.Batches[0].Key, (string?)shown["input"]!["detail"]!["object"]!["key"]);
        Assert.Equal("COMPLETED", (string?)shown["output"]!["refresh"]!["state"]);
        var manifest = shown["manifest"]!;
        Assert.Equal(generated.Batches[0].Rows, (int?)manifest["rows_in"]);
        Assert.Equal(generated.Batches[0].ValidUnique, (int?)manifest["rows_clean"]);
        Assert.Equal(generated.Batches[0].Key, (string?)manifest["files"]![0]!["key"]);
        Assert.Equal((string?)shown["output"]!["job"]!["jobRunId"], (string?)manifest["run_id"]);
        Assert.Contains(shown["events"]!.AsArray(), e => (string?)e!["type"] == "ExecutionSucceeded");
    }

    [Fact]
    public async Task ExecutionsShow_Table_NamesStatusTransitionsAndManifest()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home);
        var name = (string)(await Executions.ListAsync(Home))[0]!["name"]!;

        var shown = await CliHarness.RunAsync("executions", "show", name[..12], "--home", Home);

        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains("SUCCEEDED", shown.Output, StringComparison.Ordinal);
        Assert.Contains("CheckInput → Initialize → Crawl → StartCrawler", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"clean {generated.Batches[0].ValidUnique}", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionsList_SameStartTime_ListsTheLaterStartedFirst()
    {
        // Regression: ties on started_at were broken by execution id (random), not by the order of starting.
        var store = new ExecutionStore(new LocalHome(Home));
        foreach (var name in new[] { "b-started-first", "a-started-second" })
        {
            using var recorder = store.Start(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineName, "{}", CliHarness.Now);
            recorder.Complete(new ExecutionResult(ExecutionStatus.Succeeded, new JsonObject(), null, null, 1), CliHarness.Now);
        }

        var listed = await Executions.ListAsync(Home);

        Assert.Equal(["a-started-second", "b-started-first"], listed.Select(e => (string?)e!["name"]));
    }

    [Fact]
    public async Task ExecutionsList_WhileExecutionsStartOnANewHome_RecordsAndListsEveryOne()
    {
        // Regression: every open ran CREATE TABLE IF NOT EXISTS, and two connections of one process creating the
        // tables at once failed with DuckDB's "Catalog write-write conflict on create" (`watch` crashed on it
        // while the same process listed executions).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var home = temp.Combine("race-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var store = new ExecutionStore(new LocalHome(home));
            using var start = new Barrier(8);
            // Threads of their own: eight pool threads blocked on the barrier would wait for the pool to grow.
            var writers = Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(
                () =>
                {
                    var name = $"execution-{i}";
                    start.SignalAndWait();
                    using var recorder = store.Start(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineName, "{}", CliHarness.Now);
                    _ = store.List();
                    recorder.Complete(new ExecutionResult(ExecutionStatus.Succeeded, new JsonObject(), null, null, 1), CliHarness.Now);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default));

            await Task.WhenAll(writers);

            Assert.Equal(8, (await Executions.ListAsync(home)).Count);
        }
    }

    [Fact]
    public async Task ExecutionsShow_UnknownExecution_ExitsTwoWithOneLine()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home);

        var result = await CliHarness.RunAsync("executions", "show", "nope", "--home", Home);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("nope: no such execution (see `executions list`)", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task ExecutionsShow_EmptyHome_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("executions", "show", "nope", "--home", Home);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(new LocalHome(Home).Root, "executions.duckdb")));
    }
}
