using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Functions;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Redrive;

/// <summary>
/// For a failure at each task of the real definition on the real local plane: the execution fails with the
/// original error and pages once through the alert rule; after the fix, a redrive of the same execution
/// succeeds, runs again only the unit that failed (the states of the units before it run once over the whole
/// history), and the lake holds every row once. Redrive semantics: "Step Functions redrive executions",
/// https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html and RedriveExecution's API page
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html): the redrive
/// "continues the failed execution from the unsuccessful step and uses the same input"; for a Parallel, the
/// failed branches run again.
/// </summary>
public sealed class RedriveAtEachTaskTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    /// <summary>Fault; the unit (Parallel state) that fails; the state whose failure fails it; the error the execution ends with.</summary>
    public static TheoryData<string, string, string, string> Failures => new()
    {
        { "StartCrawler", "Crawl", "StartCrawler", "IOException" },
        { "CrawlerFailed", "Crawl", "CrawlerFailed", "CrawlerFailed" },
        { "StartEtlJob", "Transform", "StartEtlJob", "IOException" },
        { "GetJobRun", "Transform", "GetJobRun", "IOException" },
        { "JobFailed", "Transform", "JobFailed", "GlueJobFailed" },
        { "StartValidation", "Validate", "StartValidation", "IOException" },
        { "GetValidationResult", "Validate", "GetValidationResult", "IOException" },
        { "RefreshDataset", "Refresh", "RefreshDataset", "IOException" },
        { "RefreshFailed", "Refresh", "RefreshFailed", "DatasetRefreshFailed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task RedriveExecutionAsync_AfterTheFix_SucceedsRunningAgainOnlyTheUnitThatFailed(string fault, string unit, string failedState, string error)
    {
        var faults = new BreakablePorts();
        var host = CreateHost(faults);
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        var key = Landing.Land(Home, SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), CliHarness.Now).Key;
        faults.Broken.Add(fault);

        var failed = await host.RunForObjectAsync(key, CancellationToken.None);

        Assert.Equal(("FAILED", error), (failed.Record.Status, failed.Record.Error));
        Assert.Equal(failedState, failed.FailedState);
        var page = Assert.Single(Alerts.Written(Home.Root));
        Assert.Equal((failed.Record.ExecutionId, "FAILED", error), ((string?)Alerts.MessageOf(page)["execution"], (string?)Alerts.MessageOf(page)["status"], (string?)Alerts.MessageOf(page)["error"]));
        var historyBefore = Store.Events(failed.Record.ExecutionId).Count;

        faults.Broken.Clear();
        var redriven = await host.RedriveExecutionAsync(failed.Record, CancellationToken.None);

        Assert.True(redriven.Succeeded, $"{redriven.Record.Error}: {redriven.Record.Cause}");
        Assert.Equal((failed.Record.ExecutionId, 1), (redriven.Record.ExecutionId, redriven.Record.RedriveCount));
        Assert.Single(Store.List());
        var history = Store.Events(failed.Record.ExecutionId);
        Assert.Equal(nameof(HistoryEventType.ExecutionRedriven), history[historyBefore].Type);
        var enteredInRedrive = history.Skip(historyBefore).Where(e => e.Type == nameof(HistoryEventType.StateEntered)).Select(e => e.StateName!).ToList();
        Assert.Equal([unit, UnitStart(unit)], enteredInRedrive.Take(2));
        Assert.Empty(enteredInRedrive.Intersect(StatesBefore(unit)));
        // Every task of the units that had succeeded ran once over the whole history.
        Assert.All(TasksOfUnitsBefore(unit), task => Assert.Equal(1, history.Count(e => e.Type == nameof(HistoryEventType.TaskScheduled) && e.StateName == task)));
        Assert.Equal(generated.ValidUnique, Lake.Count(Home, "clean_purchases"));
        Assert.Equal(Lake.Count(Home, "clean_purchases"), Lake.CountDistinct(Home, "clean_purchases", "purchase_id"));
        Assert.Equal(1, Lake.Count(Home, "run_manifests"));
        Assert.Single(Alerts.Written(Home.Root));
    }

    private ExecutionStore Store => new(Home);

    private PipelineHost CreateHost(BreakablePorts faults) => new(
        Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null,
        faults.Wrap(LocalPorts.Create(Home, new CliHarness.FixedTime(CliHarness.Now), new ValidationRuleFiles(), PipelineHost.ShippedGraph)),
        PipelineDefinition.LocalValues);

    private static JsonObject TopLevel => JsonNode.Parse(File.ReadAllText(PipelineDefinition.File))!["States"]!.AsObject();

    private static JsonObject BranchOf(string unit) => TopLevel[unit]!["Branches"]![0]!.AsObject();

    private static string UnitStart(string unit) => (string)BranchOf(unit)["StartAt"]!;

    /// <summary>The top-level states written before the unit, and every state of their branches.</summary>
    private static IEnumerable<string> StatesBefore(string unit) =>
        TopLevel.TakeWhile(s => s.Key != unit).SelectMany(s => s.Value!["Branches"] is JsonArray branches
            ? [s.Key, .. branches.SelectMany(b => b!["States"]!.AsObject().Select(p => p.Key))]
            : new[] { s.Key });

    private static IEnumerable<string> TasksOfUnitsBefore(string unit) =>
        TopLevel.TakeWhile(s => s.Key != unit).Where(s => s.Value!["Branches"] is not null)
            .SelectMany(s => BranchOf(s.Key)["States"]!.AsObject().Where(p => (string?)p.Value!["Type"] == "Task").Select(p => p.Key));
}
