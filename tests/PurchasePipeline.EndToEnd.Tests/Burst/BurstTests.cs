using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Functions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Fakes;
using Xunit.Abstractions;

namespace PurchasePipeline.EndToEnd.Tests.Burst;

/// <summary>
/// A burst of uploads: 500 objects land half a second apart and each starts its own execution of the real
/// definition, its tasks the real handlers (FunctionCatalog) on a fake Glue job that allows one run at a time
/// (<see cref="BurstGlue"/>), all in virtual time (<see cref="SimulatedClock"/>) at the deployment's default
/// poll intervals. Nobody is paged, the executions share a few job runs, and each reports the run that read its object.
/// </summary>
public sealed class BurstTests(ITestOutputHelper output) : IDisposable
{
    private const int Objects = 500;
    private const string Bucket = "purchase-pipeline-raw";

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(0.5);

    /// <summary>The README's defaults for a deployment (crawlerPollSeconds 30, jobPollSeconds 60, validationPollSeconds 5); no dataset, so no refresh.</summary>
    private static readonly Dictionary<string, string> Deployed = new(StringComparer.Ordinal)
    {
        ["CrawlerPollSeconds"] = "30",
        ["JobPollSeconds"] = "60",
        ["ValidationPollSeconds"] = "5",
        ["QuickSightDatasetId"] = string.Empty,
    };

    private readonly TempDirectory home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task Burst_WithGlueJobRunQueuing_EverySucceedsUnpagedInAFewRunsEachReportingTheRunThatReadItsObject()
    {
        var burst = await RunBurstAsync(clock => new BurstGlue(clock));

        AssertEveryExecutionReportsTheRunThatReadItsObject(burst);
        // A run is asked for only when none is WAITING or STARTING and none started after the object landed: the
        // first at the first StartEtlJob (30 s in), the next once it reads (60 s), then at most once per run the job
        // works through (90 s) while objects still land (until 250 s): 30, 60, 150, 240 s. Every later object joins
        // the run queued at 240 s, which reads after the last landing. 4, and one more for a race of two starts.
        Assert.InRange(burst.Glue.Runs.Count, 1, 5);
    }

    [Fact]
    public async Task Burst_JobThatRefusesASecondRun_EverySucceedsUnpagedRetryingAndJoining()
    {
        // The local job (and Glue without queuing) refuses a start at MaxConcurrentRuns 1: StartEtlJob's Retry backs
        // off (30 s doubling to 300 s, full jitter) and each attempt first looks again for a run that read the object.
        var burst = await RunBurstAsync(clock => new BurstGlue(clock) { Queuing = false });

        AssertEveryExecutionReportsTheRunThatReadItsObject(burst);
        // A run starts only while the job is idle, so starts are at least a run (90 s) apart: at most 3 between the
        // first StartEtlJob (30 s) and the last landing (250 s, plus the 1 s the event time may be short), and
        // one after it, which reads every object left; each later execution joins the run that read its object.
        Assert.InRange(burst.Glue.Runs.Count, 1, 5);
    }

    private void AssertEveryExecutionReportsTheRunThatReadItsObject(Burst burst)
    {
        output.WriteLine($"{burst.Glue.Runs.Count} runs: {string.Join(", ", burst.Glue.Runs.Select(run => $"{run.Id} asked {run.StartedOn:HH:mm:ss.f} read {run.ReadOn:HH:mm:ss} ({run.Read.Count} objects)"))}");
        output.WriteLine("executions by StartEtlJob rounds: " + string.Join(", ", burst.Results.GroupBy(r => (int?)r.Result.Output?["job"]?["round"]).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"StartEtlJob calls {burst.Tasks.CountOf("StartEtlJob")}, transitions {burst.Results.Sum(r => r.Result.StateTransitions)}");
        Assert.All(burst.Results, result => Assert.True(result.Result.Status == ExecutionStatus.Succeeded, $"{result.Key}: {result.Result.Error} {result.Result.Cause}"));
        var readBy = burst.Glue.Runs.SelectMany(run => run.Read.Select(read => (read.Key, run.Id))).ToList();
        Assert.Equal(Objects, readBy.Count);
        Assert.Equal(Objects, readBy.Select(read => read.Key).Distinct(StringComparer.Ordinal).Count());
        var reader = readBy.ToDictionary(read => read.Key, read => read.Id, StringComparer.Ordinal);
        Assert.All(burst.Results, result => Assert.Equal(reader[result.Key], (string?)result.Result.Output!["job"]!["jobRunId"]));
    }

    private async Task<Burst> RunBurstAsync(Func<TimeProvider, BurstGlue> glueOn)
    {
        var text = PipelineDefinition.Text(Deployed);
        using var clock = new SimulatedClock(Start, MockedPipeline.Deadlines(JsonNode.Parse(text)));
        var glue = glueOn(clock);
        var ports = new TaskPorts
        {
            Crawler = OneCallAtATime<ICrawlerService>.Wrap(new FakeCrawlerService()),
            EtlJob = glue,
            RunManifests = glue,
            Query = OneCallAtATime<IQueryService>.Wrap(new FakeQueryService()),
            ValidationRules = new FakeValidationRules("row_conservation"),
            Dataset = OneCallAtATime<IDatasetService>.Wrap(new FakeDatasetService()),
        };
        var functions = FunctionCatalog.All.ToDictionary(
            f => LocalSettings.FunctionArn(f.Name),
            f => (Func<Stream, CancellationToken, Task<Stream>>)f.Create(ports).InvokeAsync,
            StringComparer.Ordinal);
        var tasks = new CountingInvoker(new LocalTaskInvoker(functions, new AlertSink(new LocalHome(home.Path), clock, show: null)));
        var machine = States.StateMachine.Parse(text);
        var engine = new ExecutionEngine(clock);
        var results = new List<(string Key, ExecutionResult Result)>();

        for (var i = 0; i < Objects; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"raw/2026/11/25/purchases-{i:D4}.csv");
            var etag = string.Create(CultureInfo.InvariantCulture, $"{i:x32}");
            var name = string.Create(CultureInfo.InvariantCulture, $"burst-{i:D4}");
            clock.Schedule(Start + (i * Spacing), async () =>
            {
                glue.Land(key, etag);
                var input = ObjectCreatedEvent.Create(Bucket, key, 1000, etag, clock.GetUtcNow());
                var info = new ExecutionInfo(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineArn, LocalSettings.StateMachineName);
                var result = await engine.RunAsync(machine, input, tasks, info, listener: null, CancellationToken.None);
                lock (results)
                {
                    results.Add((key, result));
                }
            });
        }

        await clock.RunAsync(CancellationToken.None);
        return new Burst(glue, tasks, results);
    }

    private sealed record Burst(BurstGlue Glue, CountingInvoker Tasks, IReadOnlyList<(string Key, ExecutionResult Result)> Results);
}
