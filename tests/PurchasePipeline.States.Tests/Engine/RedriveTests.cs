using System.Text.Json.Nodes;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// Redrive (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html, "Step
/// Functions redrive executions"): it "continues the failed execution from the unsuccessful step and uses the
/// same input"; the successful steps are not rerun; for a Parallel or Map, the failed branches or iterations
/// run again.
/// </summary>
public sealed class RedriveTests
{
    private const string Chain = """
        { "StartAt": "First", "States": {
            "First": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:first", "ResultPath": "$.first", "Next": "Second" },
            "Second": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:second", "ResultPath": "$.second", "Next": "Unit" },
            "Unit": { "Type": "Parallel", "OutputPath": "$[0]", "End": true, "Branches": [ { "StartAt": "Start", "States": {
                "Start": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:start", "ResultPath": "$.run", "Next": "IsDone" },
                "IsDone": { "Type": "Choice", "Choices": [ { "Variable": "$.run", "StringEquals": "ok", "Next": "Done" } ], "Default": "RunFailed" },
                "Done": { "Type": "Succeed" },
                "RunFailed": { "Type": "Fail", "Error": "RunFailed", "CausePath": "$.run" } } } ] } } }
        """;

    [Fact]
    public async Task RedriveAsync_TaskFailed_RunsThatTaskAgainWithItsInputAndNotTheOnesBefore()
    {
        var machine = StateMachine.Parse(Chain);
        var first = await RunAsync(machine, new ScriptedTaskInvoker().Returns("First", "1").Fails("Second", "Boom", "transient"));
        Assert.Equal(ExecutionStatus.Failed, first.Result.Status);

        var point = RedrivePoint.Of(machine, first.Listener.Events);
        var tasks = new ScriptedTaskInvoker().Returns("Second", "2").Returns("Start", "\"ok\"");
        var redrive = await RedriveAsync(machine, point!, tasks);

        redrive.AssertSucceeded("""{ "n": 7, "first": 1, "second": 2, "run": "ok" }""");
        Assert.Equal(HistoryEventType.ExecutionRedriven, redrive.Listener.Events[0].Type);
        Assert.Equal(["Second", "Unit", "Start", "IsDone", "Done"], redrive.StatesEntered);
        Assert.Empty(tasks.Of("First"));
        JsonAssert.Equal("""{ "n": 7, "first": 1 }""", tasks.Of("Second").Single().Parameters);
        Assert.Equal(5, redrive.Result.StateTransitions);
    }

    [Fact]
    public async Task RedriveAsync_BranchEndedInAFailState_RunsTheWholeBranchAgainNotTheFailState()
    {
        var machine = StateMachine.Parse(Chain);
        var first = await RunAsync(machine, new ScriptedTaskInvoker().Returns("First", "1").Returns("Second", "2").Returns("Start", "\"broken\""));
        Assert.Equal("RunFailed", first.Result.Error);

        var point = RedrivePoint.Of(machine, first.Listener.Events);
        var tasks = new ScriptedTaskInvoker().Returns("Start", "\"ok\"");
        var redrive = await RedriveAsync(machine, point!, tasks);

        Assert.Equal("Unit", point!.StateName);
        redrive.AssertSucceeded("""{ "n": 7, "first": 1, "second": 2, "run": "ok" }""");
        Assert.Equal(["Unit", "Start", "IsDone", "Done"], redrive.StatesEntered);
    }

    [Fact]
    public async Task RedriveAsync_FailsAgain_TheNextRedriveContinuesFromTheSamePointOverBothHistories()
    {
        var machine = StateMachine.Parse(Chain);
        var first = await RunAsync(machine, new ScriptedTaskInvoker().Returns("First", "1").Fails("Second", "Boom"));
        var second = await RedriveAsync(machine, RedrivePoint.Of(machine, first.Listener.Events)!, new ScriptedTaskInvoker().Fails("Second", "Boom"));

        var point = RedrivePoint.Of(machine, [.. first.Listener.Events, .. second.Listener.Events]);

        Assert.Equal(new RedrivePoint("Second", point!.Input), point);
        JsonAssert.Equal("""{ "n": 7, "first": 1 }""", point.Input);
    }

    [Fact]
    public void Of_SucceededHistory_IsNull()
    {
        var machine = StateMachine.Parse(Harness.OneState("""{ "Type": "Pass", "End": true }"""));
        var now = DateTimeOffset.UnixEpoch;

        Assert.Null(RedrivePoint.Of(machine, [
            new HistoryEvent(HistoryEventType.StateEntered, now, "S", null, null, null),
            new HistoryEvent(HistoryEventType.StateExited, now, "S", null, null, null)]));
    }

    private static async Task<Outcome> RunAsync(StateMachine machine, ScriptedTaskInvoker tasks)
    {
        var listener = new RecordingListener();
        var result = await new ExecutionEngine(new VirtualClock()).RunAsync(machine, JsonNode.Parse("""{ "n": 7 }"""), tasks, Some.Info, listener, CancellationToken.None);
        return new Outcome(result, listener, tasks);
    }

    private static async Task<Outcome> RedriveAsync(StateMachine machine, RedrivePoint point, ScriptedTaskInvoker tasks)
    {
        var listener = new RecordingListener();
        var result = await new ExecutionEngine(new VirtualClock()).RedriveAsync(machine, JsonNode.Parse("""{ "n": 7 }"""), point, tasks, Some.Info, listener, CancellationToken.None);
        return new Outcome(result, listener, tasks);
    }
}
