using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// The job contract on Glue, behind a fake endpoint that runs one job as Glue does with MaxConcurrentRuns 1:
/// a run goes STARTING → RUNNING → SUCCEEDED as it is polled; a start while one is unfinished is queued
/// (WAITING) when it asks for job run queuing, else refused (ConcurrentRunsExceededException); GetJobRuns
/// lists every run; an unknown job or run is EntityNotFoundException. Requests are checked against aws-sdk's
/// current model (JobRunQueuingEnabled is newer than Debian's botocore).
/// </summary>
[Trait("Requires", "aws-sdk")]
public sealed class GlueEtlJobServiceContractTests : EtlJobServiceContract, IAsyncDisposable
{
    private const string Job = "clean_purchases";

    /// <summary>The wire name of a Glue request's and run's job member.</summary>
    private const string JobNameMember = "JobName";
    private static readonly string[] Unfinished = ["STARTING", "RUNNING", "STOPPING", "WAITING"];

    /// <summary>When every run of the fake started (2024-05-01 10:00 UTC).</summary>
    private static readonly DateTimeOffset StartedOn = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeAwsEndpoint endpoint = new();
    private readonly ModelCheckedService glue = new("glue", "AWSGlue", Models.ModelSource.AwsSdk);
    private readonly ConcurrentDictionary<string, string> runs = new(StringComparer.Ordinal);

    public GlueEtlJobServiceContractTests() => endpoint.Fallback = request => glue.Answer(request, Serve);

    protected override string JobName => Job;

    protected override bool QueuesRuns => true;

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    protected override IEtlJobService CreateSut() => new GlueEtlJobService(new GlueClient(TestClients.For(AwsService.Glue, endpoint)));

    /// <summary>A run started and not yet polled to its end holds Glue's one concurrent run.</summary>
    protected override async Task HoldTheJobAsync(IEtlJobService sut) => await sut.StartJobRunAsync(Job, CancellationToken.None);

    private ScriptedResponse Serve(string operation, JsonNode body)
    {
        var job = (string?)body[JobNameMember];
        if (job != Job)
        {
            return ScriptedResponse.Error(400, "EntityNotFoundException", $"Job with name: {job} not found");
        }

        switch (operation)
        {
            case "StartJobRun" when runs.Values.Any(Unfinished.Contains) && (bool?)body["JobRunQueuingEnabled"] != true:
                return ScriptedResponse.Error(400, "ConcurrentRunsExceededException", $"Concurrent runs exceeded for {job}");
            case "StartJobRun":
                var id = "jr_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
                runs[id] = runs.Values.Any(Unfinished.Contains) ? "WAITING" : "STARTING";
                return ScriptedResponse.Ok(new JsonObject { ["JobRunId"] = id }.ToJsonString());
            case "GetJobRuns":
                return ScriptedResponse.Ok(new JsonObject { ["JobRuns"] = new JsonArray([.. runs.Select(run => JobRun(run.Key, run.Value))]) }.ToJsonString());
            case "GetJobRun":
                var runId = (string)body["RunId"]!;
                return runs.TryGetValue(runId, out var state)
                    ? ScriptedResponse.Ok(new JsonObject { ["JobRun"] = JobRun(runId, Advance(runId, state)) }.ToJsonString())
                    : ScriptedResponse.Error(400, "EntityNotFoundException", $"Job Run Id {runId} not found for job {job}");
            case "ResetJobBookmark":
                return ScriptedResponse.Ok(new JsonObject { ["JobBookmarkEntry"] = new JsonObject { [JobNameMember] = job, ["Version"] = 0, ["Run"] = 0, ["Attempt"] = 0 } }.ToJsonString());
            default:
                return ScriptedResponse.Error(400, "UnknownOperationException", $"the fake does not serve {operation}");
        }
    }

    /// <summary>The state this poll reports; the next poll sees the run one step further.</summary>
    private string Advance(string runId, string state)
    {
        runs[runId] = state switch { "STARTING" => "RUNNING", "RUNNING" => "SUCCEEDED", _ => state };
        return state;
    }

    private static JsonObject JobRun(string runId, string state) => new()
    {
        ["Id"] = runId,
        ["Attempt"] = 0,
        [JobNameMember] = Job,
        ["StartedOn"] = StartedOn.ToUnixTimeSeconds(),
        ["LastModifiedOn"] = 1714557642.0,
        ["JobRunState"] = state,
        ["ExecutionTime"] = 0,
        ["GlueVersion"] = "5.0",
    };
}
