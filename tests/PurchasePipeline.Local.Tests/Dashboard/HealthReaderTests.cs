using System.Text.Json.Nodes;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>The health card's executions, read from a real execution store.</summary>
public sealed class HealthReaderTests : IDisposable
{
    private const string State = """
        {"job": {"jobRunId": "jr_RUN"}, "validation": {"rules": [{"rule": "no_null_keys", "offending": 0}, {"rule": "no_negative_amounts", "offending": OFF}]}}
        """;

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_SucceededFailedAndRunningExecutions_GivesTheirObjectsRunsRulesAndTheFailedOnes()
    {
        var home = new LocalHome(temp.Path);
        var store = new ExecutionStore(home);
        var at = SomeRun.Start;
        Record(store, "ok", "raw/2026/11/25/ok.csv", at, ExecutionStatus.Succeeded, output: State.Replace("RUN", "ok", StringComparison.Ordinal).Replace("OFF", "0", StringComparison.Ordinal));
        // A failed execution has no output: its state is the input of the last state it entered.
        Record(store, "bad", "raw/2026/11/25/bad.csv", at.AddMinutes(1), ExecutionStatus.Failed, lastState: State.Replace("RUN", "bad", StringComparison.Ordinal).Replace("OFF", "3", StringComparison.Ordinal));
        store.Start("arn:now", "now", "sm", Input("raw/2026/11/25/now.csv"), at.AddMinutes(2));

        var health = HealthReader.Read(home, recent: 20, failedShown: 10, considered: 100);

        Assert.Equal(
            [("now", "raw/2026/11/25/now.csv", "RUNNING", (string?)null), ("bad", "raw/2026/11/25/bad.csv", "FAILED", "jr_bad"), ("ok", "raw/2026/11/25/ok.csv", "SUCCEEDED", "jr_ok")],
            health.Executions.Select(e => (e.Name, e.ObjectKey, e.Status, e.JobRunId)));
        Assert.Equal([new RuleResultRow("no_null_keys", 0), new RuleResultRow("no_negative_amounts", 3)], health.Executions[1].Rules);
        Assert.Equal("bad", health.LastValidated?.Name);
        Assert.Equal((1, 3), (health.FailedCount, health.Considered));
        Assert.Equal(("bad", "States.TaskFailed", "it broke"), (health.FailedExecutions[0].Name, health.FailedExecutions[0].Error, health.FailedExecutions[0].Cause));
    }

    private static void Record(ExecutionStore store, string name, string key, DateTimeOffset at, ExecutionStatus status, string? output = null, string? lastState = null)
    {
        using var recorder = store.Start("arn:" + name, name, "sm", Input(key), at);
        if (lastState is not null)
        {
            recorder.OnEvent(new HistoryEvent(HistoryEventType.StateEntered, at, "GetValidationResult", JsonNode.Parse(lastState), null, null));
        }

        var failed = status == ExecutionStatus.Failed;
        recorder.Complete(new ExecutionResult(status, output is null ? null : JsonNode.Parse(output), failed ? "States.TaskFailed" : null, failed ? "it broke" : null, 3), at.AddSeconds(5));
    }

    private static string Input(string key) => new JsonObject
    {
        ["detail"] = new JsonObject { ["bucket"] = new JsonObject { ["name"] = "b" }, ["object"] = new JsonObject { ["key"] = key, ["etag"] = "e" } },
    }.ToJsonString();
}
