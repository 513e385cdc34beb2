using System.Text.Json.Nodes;
using System.Xml.Linq;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>`states graph`, and `executions list|show` as the console shows history: object, duration, states, reruns.</summary>
public sealed class GraphAndHistoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Home => temp.Combine("home");

    [Theory]
    [InlineData("mermaid", "flowchart TD")]
    [InlineData("dot", "digraph ")]
    [InlineData("svg", "<svg ")]
    public async Task StatesGraph_PipelineDefinition_PrintsThePictureInTheFormat(string format, string start)
    {
        var result = await CliHarness.RunAsync("states", "graph", PipelineDefinition.File, "--format", format);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith(start, result.Output, StringComparison.Ordinal);
        Assert.Contains("JobPollLimitReached", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesGraph_WithExecution_MarksThePathAndTheFailedState()
    {
        Record("failed-run", "FAILED", ["CheckInput", "Initialize", "Crawl", "StartCrawler"]);

        var result = await CliHarness.RunAsync("states", "graph", PipelineDefinition.File, "--execution", "failed", "--format", "svg", "--home", Home);

        Assert.True(result.ExitCode == 0, result.Error);
        var marks = XDocument.Parse(result.Output).Descendants().Where(e => e.Attribute("data-mark") is not null)
            .ToLookup(e => (string)e.Attribute("data-mark")!, e => (string)e.Attribute("data-state")!);
        Assert.Equal(["CheckInput", "Crawl", "Initialize"], marks["visited"].Order(StringComparer.Ordinal));
        Assert.Equal(["StartCrawler"], marks["failed"]);
    }

    [Fact]
    public async Task StatesGraph_NoSuchFileOrExecution_ExitsTwoWithOneLine()
    {
        var missing = await CliHarness.RunAsync("states", "graph", temp.Combine("nope.asl.json"));
        var unknown = await CliHarness.RunAsync("states", "graph", PipelineDefinition.File, "--execution", "nope", "--home", Home);

        Assert.Equal((2, 2), (missing.ExitCode, unknown.ExitCode));
        Assert.Equal($"{temp.Combine("nope.asl.json")}: no such file", missing.Error.Trim());
        Assert.Equal("nope: no such execution (see `executions list`)", unknown.Error.Trim());
    }

    [Fact]
    public async Task ExecutionsShow_AmbiguousPrefix_SaysSoAndNamesTheCandidates()
    {
        Record("run-a", "SUCCEEDED", ["CheckInput"]);
        Record("run-b", "SUCCEEDED", ["CheckInput"]);

        var result = await CliHarness.RunAsync("executions", "show", "run-", "--home", Home);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("run-: ambiguous, 2 executions start with it: run-b, run-a", result.Error.Trim());
    }

    [Fact]
    public async Task ExecutionsList_Status_ShowsOnlyThoseAndTheObjectKey()
    {
        Record("ok-run", "SUCCEEDED", ["CheckInput"]);
        Record("bad-run", "FAILED", ["CheckInput", "InvalidInput"]);

        var failed = await CliHarness.RunAsync("executions", "list", "--status", "FAILED", "--home", Home);
        var json = JsonNode.Parse((await CliHarness.RunAsync("executions", "list", "--status", "SUCCEEDED", "--json", "--home", Home)).Output)!.AsArray();

        Assert.Contains("bad-run", failed.Output, StringComparison.Ordinal);
        Assert.Contains("raw/bad-run.csv", failed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ok-run", failed.Output, StringComparison.Ordinal);
        Assert.Equal(["ok-run"], json.Select(e => (string?)e!["name"]));
        Assert.Equal("raw/ok-run.csv", (string?)json[0]!["objectKey"]);
    }

    [Fact]
    public async Task ExecutionsShow_States_PrintsEachStateWithInputOutputDurationAndWritesTheGraph()
    {
        Record("shown", "FAILED", ["CheckInput", "InvalidInput"]);

        var result = await CliHarness.RunAsync("executions", "show", "shown", "--states", "--home", Home);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("raw/shown.csv", result.Output, StringComparison.Ordinal);
        Assert.Contains("Duration     2.00s", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ 2 │ InvalidInput", result.Output, StringComparison.Ordinal);
        Assert.Contains("{\"in\":\"InvalidInput\"}", result.Output, StringComparison.Ordinal);
        Assert.Contains("{\"out\":\"InvalidInput\"}", result.Output, StringComparison.Ordinal);
        var graph = Path.Combine(Home, "dashboard", "executions", "shown.svg");
        Assert.Contains(graph, result.Output, StringComparison.Ordinal);
        Assert.Contains("data-mark=\"failed\"", File.ReadAllText(graph), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_LinksTheNewExecutionToItsOriginalBothWays()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home);
        var original = (string)(await Executions.ListAsync(Home))[0]!["name"]!;

        var rerun = await CliHarness.RunAtAsync(CliHarness.Now.AddMinutes(5), "rerun", original, "--home", Home);

        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        var second = await Executions.ShowAsync(Home, (string)(await Executions.ListAsync(Home))[0]!["name"]!);
        var first = await Executions.ShowAsync(Home, original);
        Assert.Equal((string?)first["executionArn"], (string?)second["rerunOf"]);
        Assert.Equal([(string?)second["executionArn"]], first["reruns"]!.AsArray().Select(r => (string?)r));
        var shown = await CliHarness.RunAsync("executions", "show", original, "--home", Home);
        Assert.Contains("Reruns", shown.Output, StringComparison.Ordinal);
        Assert.Contains((string)second["name"]!, shown.Output, StringComparison.Ordinal);
    }

    /// <summary>An execution of the pipeline that entered these states, one second apart, each with its input and output.</summary>
    private void Record(string name, string status, string[] states)
    {
        var store = new ExecutionStore(new LocalHome(Home));
        var input = new JsonObject { ["detail"] = new JsonObject { ["object"] = new JsonObject { ["key"] = $"raw/{name}.csv" } } };
        using var recorder = store.Start(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineName, input.ToJsonString(), CliHarness.Now);
        var at = CliHarness.Now;
        foreach (var state in states)
        {
            recorder.OnEvent(new HistoryEvent(HistoryEventType.StateEntered, at, state, new JsonObject { ["in"] = state }, null, null));
            at = at.AddSeconds(1);
            recorder.OnEvent(new HistoryEvent(HistoryEventType.StateExited, at, state, new JsonObject { ["out"] = state }, null, null));
        }

        var result = new ExecutionResult(status == "FAILED" ? ExecutionStatus.Failed : ExecutionStatus.Succeeded, null, status == "FAILED" ? "E" : null, null, states.Length);
        recorder.Complete(result, at);
    }
}
