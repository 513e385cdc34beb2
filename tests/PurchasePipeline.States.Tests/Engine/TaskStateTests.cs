using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// The Task state (https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html): what the invoker
/// receives, how its failures are named, and TimeoutSeconds / HeartbeatSeconds on a fake clock.
/// </summary>
public sealed class TaskStateTests
{
    [Fact]
    public async Task RunAsync_Task_InvokesTheResourceWithParametersAndContext()
    {
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Foo", "Parameters": { "k.$": "$.v" }, "End": true }""", "Call");

        var outcome = await Harness.RunAsync(definition, """{ "v": 1 }""");

        var invocation = Assert.Single(outcome.Tasks.Invocations);
        Assert.Equal(("Call", "arn:aws:lambda:us-east-1:123456789012:function:Foo", 0), (invocation.StateName, invocation.Resource, invocation.Attempt));
        JsonAssert.Equal("""{ "k": 1 }""", invocation.Parameters);
        Assert.Equal("Call", invocation.Context["State"]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_InvokerThrowsAnyOtherException_FailsWithStatesTaskFailedAndItsMessage()
    {
        var tasks = new ScriptedTaskInvoker().Throws("T", new InvalidOperationException("disk full"));

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "End": true }""", "T"), "{}", tasks);

        outcome.AssertFailed("States.TaskFailed", "disk full");
    }

    [Fact]
    public async Task RunAsync_TaskFails_ReportsTaskScheduledThenTaskFailed()
    {
        var tasks = new ScriptedTaskInvoker().Fails("T", "Glue.ConcurrentRunsExceededException", "too many runs");

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "End": true }""", "T"), "{}", tasks);

        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.StateEntered, HistoryEventType.TaskScheduled, HistoryEventType.TaskFailed, HistoryEventType.ExecutionFailed],
            outcome.Listener.Events.Select(e => e.Type));
        var failed = outcome.Listener.OfType(HistoryEventType.TaskFailed).Single();
        Assert.Equal(("Glue.ConcurrentRunsExceededException", "too many runs"), (failed.Error, failed.Cause));
    }

    [Fact]
    public async Task RunAsync_TaskSucceeds_ReportsParametersResultAndOutput()
    {
        var tasks = new ScriptedTaskInvoker().Returns("T", """{ "r": 2 }""");
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "r", "Parameters": { "p": 1 }, "ResultPath": "$.out", "End": true }""", "T");

        var outcome = await Harness.RunAsync(definition, """{ "in": 0 }""", tasks);

        var events = outcome.Listener.Events;
        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.StateEntered, HistoryEventType.TaskScheduled, HistoryEventType.TaskSucceeded, HistoryEventType.StateExited, HistoryEventType.ExecutionSucceeded],
            events.Select(e => e.Type));
        JsonAssert.Equal("""{ "in": 0 }""", events[1].Payload);
        JsonAssert.Equal("""{ "p": 1 }""", events[2].Payload);
        JsonAssert.Equal("""{ "r": 2 }""", events[3].Payload);
        JsonAssert.Equal("""{ "in": 0, "out": { "r": 2 } }""", events[4].Payload);
        Assert.All(events, e => Assert.Equal(Some.Start, e.Timestamp));
    }

    [Fact]
    public async Task RunAsync_TaskRunsPastTimeoutSeconds_FailsWithStatesTimeout()
    {
        var time = new FakeTimeProvider(Some.Start);
        var tasks = new ScriptedTaskInvoker().Hangs("T");
        var run = RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "TimeoutSeconds": 120, "End": true }""", "T"), tasks, time);

        await tasks.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertFailed("States.Timeout", "TimeoutSeconds (120)");
    }

    [Fact]
    public async Task RunAsync_TimeoutSecondsPath_ReadsTheTimeoutFromTheInput()
    {
        var time = new FakeTimeProvider(Some.Start);
        var tasks = new ScriptedTaskInvoker().Hangs("T");
        var run = RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "TimeoutSecondsPath": "$.limit", "End": true }""", "T"), tasks, time, """{ "limit": 5 }""");

        await tasks.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertFailed("States.Timeout");
    }

    [Fact]
    public async Task RunAsync_TaskRunsPastHeartbeatSeconds_FailsWithHeartbeatTimeout()
    {
        var time = new FakeTimeProvider(Some.Start);
        var tasks = new ScriptedTaskInvoker().Hangs("T");
        var run = RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "TimeoutSeconds": 300, "HeartbeatSeconds": 60, "End": true }""", "T"), tasks, time);

        await tasks.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(60));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertFailed("States.HeartbeatTimeout");
    }

    [Fact]
    public async Task RunAsync_HeartbeatTimeoutWithTimeoutRetrier_IsRetried()
    {
        // States.Timeout: "A Task state either ran longer than the TimeoutSeconds value, or failed to send a heartbeat for a period longer than the HeartbeatSeconds value."
        var time = new FakeTimeProvider(Some.Start);
        var tasks = new ScriptedTaskInvoker().Hangs("T").Returns("T", "\"second try\"");
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "r", "HeartbeatSeconds": 10, "End": true, "Retry": [ { "ErrorEquals": [ "States.Timeout" ] } ] }""", "T");
        var run = RunAsync(definition, tasks, time, waitScale: 0);

        await tasks.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(10));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertSucceeded("\"second try\"");
    }

    [Fact]
    public async Task RunAsync_TaskFinishingBeforeItsTimeout_Succeeds()
    {
        var time = new FakeTimeProvider(Some.Start);
        var tasks = new ScriptedTaskInvoker().Returns("T", "1");

        var outcome = await RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "TimeoutSeconds": 1, "End": true }""", "T"), tasks, time);

        outcome.AssertSucceeded("1");
    }

    [Fact]
    public async Task RunAsync_WaitForTaskTokenResource_PutsATaskTokenInTheContext()
    {
        // $$.Task.Token, https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token.
        var definition = Harness.OneState("""
            { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true,
              "Parameters": { "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody": { "TaskToken.$": "$$.Task.Token" } } }
            """);

        var outcome = await Harness.RunAsync(definition);

        var invocation = Assert.Single(outcome.Tasks.Invocations);
        var token = invocation.Parameters!["MessageBody"]!["TaskToken"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(token, invocation.Context["Task"]!["Token"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_TaskTokenWithoutWaitForTaskToken_IsNotInTheContext()
    {
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": { "t.$": "$$.Task.Token" }, "End": true }""");

        var outcome = await Harness.RunAsync(definition);

        outcome.AssertFailed("States.ParameterPathFailure", "$$.Task.Token");
    }

    [Fact]
    public async Task RunAsync_TaskResultOver256KiB_FailsWithDataLimitExceeded()
    {
        var tasks = new ScriptedTaskInvoker().Answers("T", _ => JsonValue.Create(new string('a', 256 * 1024)));

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "End": true }""", "T"), "{}", tasks);

        outcome.AssertFailed("States.DataLimitExceeded");
    }

    [Fact]
    public async Task RunAsync_TaskResultJustUnder256KiB_Succeeds()
    {
        // 262,144 bytes is the limit: a JSON string of 262,142 characters plus its two quotes fits exactly.
        var tasks = new ScriptedTaskInvoker().Answers("T", _ => JsonValue.Create(new string('a', (256 * 1024) - 2)));

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Task", "Resource": "r", "End": true }""", "T"), "{}", tasks);

        Assert.Equal(ExecutionStatus.Succeeded, outcome.Result.Status);
    }

    private static async Task<Outcome> RunAsync(string definition, ScriptedTaskInvoker tasks, TimeProvider time, string input = "{}", double waitScale = 1)
    {
        var listener = new RecordingListener();
        var engine = new ExecutionEngine(time, new EngineOptions { WaitScale = waitScale });
        var result = await engine.RunAsync(StateMachine.Parse(definition), JsonNode.Parse(input), tasks, Some.Info, listener, CancellationToken.None);
        return new Outcome(result, listener, tasks);
    }
}
