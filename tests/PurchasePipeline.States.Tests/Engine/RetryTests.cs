using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// Retry, with the examples of https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
/// and https://states-language.net/spec.html#retrying-after-error; the delays asked of the clock are asserted exactly.
/// </summary>
public sealed class RetryTests
{
    [Fact]
    public async Task RunAsync_GuideRetryExample_RetriesTwiceAfter3And4Point5Seconds()
    {
        // "This example of a Retry makes 2 retry attempts after waiting for 3 and 4.5 seconds."
        var (outcome, clock) = await RunAsync(
            """[ { "ErrorEquals": [ "States.Timeout" ], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5 } ]""",
            new ScriptedTaskInvoker().Fails("X", "States.Timeout"));

        Assert.Equal([3.0, 4.5], clock.DelaySeconds);
        Assert.Equal(3, outcome.Tasks.Invocations.Count);
        outcome.AssertFailed("States.Timeout");
    }

    [Fact]
    public async Task RunAsync_SpecRetryExample_RetriesFourTimesWithGrowingWaits()
    {
        // The spec: "four retry attempts after waits of 3, 4.5, 6.75 and 10.125 seconds".
        var (_, clock) = await RunAsync(
            """[ { "ErrorEquals": [ "States.Timeout" ], "IntervalSeconds": 3, "MaxAttempts": 4, "BackoffRate": 1.5 } ]""",
            new ScriptedTaskInvoker().Fails("X", "States.Timeout"));

        Assert.Equal([3.0, 4.5, 6.75, 10.125], clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_RetrierDefaults_RetryThreeTimesAfter1And2And4Seconds()
    {
        // IntervalSeconds 1, MaxAttempts 3 and BackoffRate 2.0 by default.
        var (outcome, clock) = await RunAsync("""[ { "ErrorEquals": [ "States.ALL" ] } ]""", new ScriptedTaskInvoker().Fails("X", "Boom"));

        Assert.Equal([1.0, 2.0, 4.0], clock.DelaySeconds);
        Assert.Equal([0, 1, 2, 3], outcome.Tasks.Invocations.Select(i => i.Attempt));
    }

    [Fact]
    public async Task RunAsync_ComplexRetryScenario_EachRetrierKeepsItsOwnCountThenCatchTakesOver()
    {
        // The spec's complex scenario: ErrorA, ErrorB, ErrorC, ErrorB wait 1, 2 and 5 seconds, then the
        // first retrier has spent its two attempts and the Catch goes to Z.
        var tasks = new ScriptedTaskInvoker().Fails("X", "ErrorA").Fails("X", "ErrorB").Fails("X", "ErrorC").Fails("X", "ErrorB").Returns("X", "\"never\"");
        var definition = """
            { "StartAt": "X", "States": {
                "X": { "Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:task:X", "Next": "Y",
                       "Retry": [ { "ErrorEquals": [ "ErrorA", "ErrorB" ], "IntervalSeconds": 1, "BackoffRate": 2.0, "MaxAttempts": 2 },
                                  { "ErrorEquals": [ "ErrorC" ], "IntervalSeconds": 5 } ],
                       "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Z" } ] },
                "Y": { "Type": "Pass", "End": true },
                "Z": { "Type": "Pass", "End": true } } }
            """;
        var clock = new VirtualClock();

        var outcome = await Harness.RunAsync(definition, "{}", tasks, clock);

        Assert.Equal([1.0, 2.0, 5.0], clock.DelaySeconds);
        Assert.Equal(["X", "Z"], outcome.StatesEntered);
        outcome.AssertSucceeded("""{ "Error": "ErrorB" }""");
    }

    [Fact]
    public async Task RunAsync_MaxAttemptsZeroBeforeStatesAll_RetriesAnyErrorExceptTimeout()
    {
        // "This example of a Retry field retries any error except States.Timeout."
        const string retry = """[ { "ErrorEquals": [ "States.Timeout" ], "MaxAttempts": 0 }, { "ErrorEquals": [ "States.ALL" ] } ]""";

        var (timedOut, timeoutClock) = await RunAsync(retry, new ScriptedTaskInvoker().Fails("X", "States.Timeout"));
        var (failed, otherClock) = await RunAsync(retry, new ScriptedTaskInvoker().Fails("X", "Other").Returns("X", "\"ok\""));

        Assert.Empty(timeoutClock.Delays);
        timedOut.AssertFailed("States.Timeout");
        Assert.Equal([1.0], otherClock.DelaySeconds);
        failed.AssertSucceeded("\"ok\"");
    }

    [Fact]
    public async Task RunAsync_MaxDelaySeconds_CapsTheBackoff()
    {
        var (_, clock) = await RunAsync(
            """[ { "ErrorEquals": [ "Throttled" ], "IntervalSeconds": 2, "BackoffRate": 2, "MaxAttempts": 6, "MaxDelaySeconds": 10 } ]""",
            new ScriptedTaskInvoker().Fails("X", "Throttled"));

        Assert.Equal([2.0, 4.0, 8.0, 10.0, 10.0, 10.0], clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_FullJitter_WaitsBetweenZeroAndTheBackoff()
    {
        // JitterStrategy FULL: "a random number between 0 and the computed backoff" (RetryProps/JitterType in the CDK reference).
        var (_, clock) = await RunAsync(
            """[ { "ErrorEquals": [ "Throttled" ], "IntervalSeconds": 2, "BackoffRate": 2, "MaxAttempts": 5, "MaxDelaySeconds": 10, "JitterStrategy": "FULL" } ]""",
            new ScriptedTaskInvoker().Fails("X", "Throttled"));

        var ceilings = new[] { 2.0, 4.0, 8.0, 10.0, 10.0 };
        Assert.InRange(clock.Delays.Count, 1, 5);
        Assert.All(clock.DelaySeconds.Zip(ceilings), pair => Assert.InRange(pair.First, 0, pair.Second));
    }

    [Fact]
    public async Task RunAsync_JitterNone_WaitsTheExactBackoff()
    {
        var (_, clock) = await RunAsync(
            """[ { "ErrorEquals": [ "Throttled" ], "MaxAttempts": 2, "JitterStrategy": "NONE" } ]""",
            new ScriptedTaskInvoker().Fails("X", "Throttled"));

        Assert.Equal([1.0, 2.0], clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_TaskFailedRetrier_RetriesTaskErrorsButNotTimeouts()
    {
        // "States.TaskFailed acts as a wildcard that matches any known error name except for States.Timeout".
        const string retry = """[ { "ErrorEquals": [ "States.TaskFailed" ], "MaxAttempts": 1 } ]""";

        var (lambdaError, lambdaClock) = await RunAsync(retry, new ScriptedTaskInvoker().Fails("X", "Lambda.Unknown"));
        var (timeout, timeoutClock) = await RunAsync(retry, new ScriptedTaskInvoker().Fails("X", "States.Timeout"));

        Assert.Single(lambdaClock.Delays);
        lambdaError.AssertFailed("Lambda.Unknown");
        Assert.Empty(timeoutClock.Delays);
        timeout.AssertFailed("States.Timeout");
    }

    [Fact]
    public async Task RunAsync_RuntimeErrorWithStatesAllRetryAndCatch_IsNeitherRetriedNorCaught()
    {
        // "A States.Runtime error isn't retriable, and will always cause the execution to fail. A retry or catch on States.ALL won't catch States.Runtime errors."
        var definition = """
            { "StartAt": "X", "States": {
                "X": { "Type": "Task", "Resource": "r", "OutputPath": "$.missing", "End": true,
                       "Retry": [ { "ErrorEquals": [ "States.ALL" ] } ],
                       "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Z" } ] },
                "Z": { "Type": "Pass", "End": true } } }
            """;
        var clock = new VirtualClock();

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""", time: clock);

        outcome.AssertFailed("States.Runtime");
        Assert.Empty(clock.Delays);
        Assert.Single(outcome.Tasks.Invocations);
    }

    [Fact]
    public async Task RunAsync_DataLimitExceeded_IsCaughtOnlyByItsOwnName()
    {
        // States.DataLimitExceeded "can't be caught by the States.ALL error type".
        var big = new string('x', 300 * 1024);
        var tasks = new ScriptedTaskInvoker().Returns("X", $"\"{big}\"");
        static string Definition(string errors) => $$"""
            { "StartAt": "X", "States": {
                "X": { "Type": "Task", "Resource": "r", "End": true, "Catch": [ { "ErrorEquals": {{errors}}, "Next": "Z" } ] },
                "Z": { "Type": "Pass", "Result": "caught", "End": true } } }
            """;

        var all = await Harness.RunAsync(Definition("""[ "States.ALL" ]"""), "{}", tasks);
        var named = await Harness.RunAsync(Definition("""[ "States.DataLimitExceeded" ]"""), "{}", new ScriptedTaskInvoker().Returns("X", $"\"{big}\""));

        all.AssertFailed("States.DataLimitExceeded");
        named.AssertSucceeded("\"caught\"");
    }

    [Fact]
    public async Task RunAsync_Retries_CountAsStateTransitionsAndInTheContextObject()
    {
        // Pricing: "each retry will be charged as an additional state transition" (https://aws.amazon.com/step-functions/pricing/).
        var tasks = new ScriptedTaskInvoker().Fails("X", "E").Fails("X", "E").Returns("X", "{}");
        var definition = Harness.OneState("""
            { "Type": "Task", "Resource": "r", "Parameters": { "retry.$": "$$.State.RetryCount" }, "ResultPath": null, "End": true,
              "Retry": [ { "ErrorEquals": [ "E" ] } ] }
            """, "X");

        var outcome = await Harness.RunAsync(definition, "{}", tasks, waitScale: 0);

        Assert.Equal(3, outcome.Result.StateTransitions);
        Assert.Equal([0, 1, 2], outcome.Tasks.Invocations.Select(i => i.Parameters!["retry"]!.GetValue<int>()));
    }

    [Fact]
    public async Task RunAsync_WaitScaleZero_RetriesWithoutDelay()
    {
        var clock = new VirtualClock();
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "r", "End": true, "Retry": [ { "ErrorEquals": [ "E" ], "IntervalSeconds": 60 } ] }""", "X");

        var outcome = await Harness.RunAsync(definition, "{}", new ScriptedTaskInvoker().Fails("X", "E"), clock, waitScale: 0);

        Assert.Empty(clock.Delays);
        Assert.Equal(4, outcome.Tasks.Invocations.Count);
    }

    [Fact]
    public async Task RunAsync_RetryThenSuccess_ContinuesWithTheResult()
    {
        var (outcome, clock) = await RunAsync("""[ { "ErrorEquals": [ "Lambda.ServiceException" ], "IntervalSeconds": 2 } ]""",
            new ScriptedTaskInvoker().Fails("X", "Lambda.ServiceException").Returns("X", """{ "ok": true }"""));

        outcome.AssertSucceeded("""{ "ok": true }""");
        Assert.Equal([2.0], clock.DelaySeconds);
    }

    private static async Task<(Outcome Outcome, VirtualClock Clock)> RunAsync(string retry, ScriptedTaskInvoker tasks)
    {
        var clock = new VirtualClock();
        var definition = Harness.OneState($$"""{ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:FailFunction", "Retry": {{retry}}, "End": true }""", "X");
        return (await Harness.RunAsync(definition, "{}", tasks, clock), clock);
    }
}
