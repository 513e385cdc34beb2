using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// Whole executions: how they end (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-executions.html),
/// their history events, and state transitions counted as https://aws.amazon.com/step-functions/pricing/ bills them:
/// one per state entered (inside Parallel branches and Map iterations too) and one per retry.
/// </summary>
public sealed class ExecutionTests
{
    private const string ThreeStates = """
        { "StartAt": "A", "States": {
            "A": { "Type": "Pass", "Result": 1, "ResultPath": "$.a", "Next": "B" },
            "B": { "Type": "Task", "Resource": "r", "ResultPath": "$.b", "Next": "C" },
            "C": { "Type": "Succeed" } } }
        """;

    [Fact]
    public async Task RunAsync_SucceedingExecution_ReportsEveryEventInOrder()
    {
        var outcome = await Harness.RunAsync(ThreeStates, """{ "x": 0 }""");

        Assert.Equal(
        [
            (HistoryEventType.ExecutionStarted, null),
            (HistoryEventType.StateEntered, "A"), (HistoryEventType.StateExited, "A"),
            (HistoryEventType.StateEntered, "B"), (HistoryEventType.TaskScheduled, "B"), (HistoryEventType.TaskSucceeded, "B"), (HistoryEventType.StateExited, "B"),
            (HistoryEventType.StateEntered, "C"), (HistoryEventType.StateExited, "C"),
            (HistoryEventType.ExecutionSucceeded, (string?)null),
        ],
            outcome.Listener.Events.Select(e => (e.Type, e.StateName)));
        JsonAssert.Equal("""{ "x": 0 }""", outcome.Listener.Events[0].Payload);
        JsonAssert.Equal("""{ "x": 0, "a": 1, "b": { "x": 0, "a": 1 } }""", outcome.Listener.Events[^1].Payload);
        Assert.Equal(3, outcome.Result.StateTransitions);
    }

    [Fact]
    public async Task RunAsync_ExecutionTimeoutSeconds_TimesOutWithStatesTimeout()
    {
        var time = new FakeTimeProvider(Some.Start);
        var tasks = new ScriptedTaskInvoker().Hangs("B");
        var run = RunAsync(ThreeStates.Replace("\"StartAt\": \"A\",", "\"StartAt\": \"A\", \"TimeoutSeconds\": 60,", StringComparison.Ordinal), tasks, time, CancellationToken.None);

        await tasks.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(60));
        var (result, listener) = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (result.Status, result.Error));
        Assert.Equal(HistoryEventType.ExecutionTimedOut, listener.Events[^1].Type);
    }

    [Fact]
    public async Task RunAsync_Cancelled_IsAborted()
    {
        using var cancellation = new CancellationTokenSource();
        var tasks = new ScriptedTaskInvoker().Hangs("B");
        var run = RunAsync(ThreeStates, tasks, new FakeTimeProvider(Some.Start), cancellation.Token);

        await tasks.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        var (result, listener) = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal(HistoryEventType.ExecutionAborted, listener.Events[^1].Type);
    }

    [Fact]
    public async Task RunAsync_StateOutputOver256KiB_FailsWithDataLimitExceeded()
    {
        var big = new string('x', 300 * 1024);

        var outcome = await Harness.RunAsync(Harness.OneState($$"""{ "Type": "Pass", "Result": "{{big}}", "End": true }"""));

        outcome.AssertFailed("States.DataLimitExceeded", "262144");
    }

    [Fact]
    public async Task RunAsync_ExecutionInputOver256KiB_FailsWithDataLimitExceeded()
    {
        var input = new JsonObject { ["blob"] = new string('x', 300 * 1024) }.ToJsonString();

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Pass", "End": true }"""), input);

        outcome.AssertFailed("States.DataLimitExceeded");
    }

    [Fact]
    public async Task RunAsync_FailedExecution_ReturnsAResultAndDoesNotThrow()
    {
        var outcome = await Harness.RunAsync(ThreeStates, "{}", new ScriptedTaskInvoker().Fails("B", "Boom", "why"));

        Assert.Equal((ExecutionStatus.Failed, "Boom", "why"), (outcome.Result.Status, outcome.Result.Error, outcome.Result.Cause));
        Assert.Null(outcome.Result.Output);
        Assert.Equal(HistoryEventType.ExecutionFailed, outcome.Listener.Events[^1].Type);
    }

    [Fact]
    public async Task RunAsync_NullInput_IsAValidInput()
    {
        var engine = new ExecutionEngine(new VirtualClock());

        var result = await engine.RunAsync(StateMachine.Parse(Harness.OneState("""{ "Type": "Pass", "End": true }""")), null, new ScriptedTaskInvoker(), Some.Info, null, CancellationToken.None);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task RunAsync_SameMachineTwice_RunsIndependently()
    {
        var machine = StateMachine.Parse(ThreeStates);
        var engine = new ExecutionEngine(new VirtualClock());

        var first = await engine.RunAsync(machine, JsonNode.Parse("""{ "x": 1 }"""), new ScriptedTaskInvoker(), Some.Info, null, CancellationToken.None);
        var second = await engine.RunAsync(machine, JsonNode.Parse("""{ "x": 2 }"""), new ScriptedTaskInvoker(), Some.Info, null, CancellationToken.None);

        Assert.Equal(1, first.Output!["x"]!.GetValue<int>());
        Assert.Equal(2, second.Output!["x"]!.GetValue<int>());
    }

    private static async Task<(ExecutionResult Result, RecordingListener Listener)> RunAsync(string definition, ScriptedTaskInvoker tasks, TimeProvider time, CancellationToken cancellationToken)
    {
        var listener = new RecordingListener();
        var result = await new ExecutionEngine(time).RunAsync(StateMachine.Parse(definition), JsonNode.Parse("{}"), tasks, Some.Info, listener, cancellationToken);
        return (result, listener);
    }
}
