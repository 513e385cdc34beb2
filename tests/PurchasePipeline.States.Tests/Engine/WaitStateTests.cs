using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// The Wait state (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html): its delay is
/// asked of the engine's TimeProvider and scaled by EngineOptions.WaitScale.
/// </summary>
public sealed class WaitStateTests
{
    [Fact]
    public async Task RunAsync_Seconds_WaitsThatLongOnTheClock()
    {
        var clock = new VirtualClock();
        var definition = """
            { "StartAt": "wait_ten_seconds", "States": {
                "wait_ten_seconds": { "Type": "Wait", "Seconds": 10, "Next": "Done" },
                "Done": { "Type": "Pass", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""", time: clock);

        outcome.AssertSucceeded("""{ "a": 1 }""");
        Assert.Equal([10.0], clock.DelaySeconds);
        var entered = outcome.Listener.OfType(HistoryEventType.StateEntered).Single(e => e.StateName == "Done");
        Assert.Equal(Some.Start.AddSeconds(10), entered.Timestamp);
    }

    [Fact]
    public async Task RunAsync_TimestampInTheFuture_WaitsUntilThen()
    {
        var clock = new VirtualClock();
        var until = Some.Start.AddMinutes(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        await Harness.RunAsync(Harness.OneState($$"""{ "Type": "Wait", "Timestamp": "{{until}}", "End": true }"""), time: clock);

        Assert.Equal([300.0], clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_TimestampInThePast_DoesNotWait()
    {
        var clock = new VirtualClock();

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "Timestamp": "2016-03-14T01:59:00Z", "End": true }"""), time: clock);

        Assert.Equal(ExecutionStatus.Succeeded, outcome.Result.Status);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task RunAsync_SecondsPath_WaitsTheSecondsInTheInput()
    {
        var clock = new VirtualClock();

        await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "SecondsPath": "$.config.pollSeconds", "End": true }"""), """{ "config": { "pollSeconds": 30 } }""", time: clock);

        Assert.Equal([30.0], clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_TimestampPath_WaitsUntilTheTimeInTheInput()
    {
        var clock = new VirtualClock();

        await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "TimestampPath": "$.expirydate", "End": true }"""), """{ "expirydate": "2019-03-26T20:15:13.192Z" }""", time: clock);

        Assert.Equal([60.0], clock.DelaySeconds);
    }

    [Theory]
    [InlineData("""{ "s": "ten" }""")]
    [InlineData("""{ "s": -1 }""")]
    [InlineData("{}")]
    public async Task RunAsync_SecondsPathNotANonNegativeInteger_FailsWithStatesRuntime(string input)
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "SecondsPath": "$.s", "End": true }"""), input);

        outcome.AssertFailed("States.Runtime", "$.s");
    }

    [Fact]
    public async Task RunAsync_WaitScaleZero_DoesNotWait()
    {
        var clock = new VirtualClock();

        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "Seconds": 3600, "End": true }"""), time: clock, waitScale: 0);

        Assert.Equal(ExecutionStatus.Succeeded, outcome.Result.Status);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task RunAsync_WaitScaleHalf_WaitsHalfAsLong()
    {
        var clock = new VirtualClock();

        await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "Seconds": 10, "End": true }"""), time: clock, waitScale: 0.5);

        Assert.Equal([5.0], clock.DelaySeconds);
    }

    [Fact]
    public async Task RunAsync_Wait_ReportsWaitStarted()
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "Seconds": 10, "End": true }""", "Pause"));

        var started = Assert.Single(outcome.Listener.OfType(HistoryEventType.WaitStarted));
        Assert.Equal("Pause", started.StateName);
        JsonAssert.Equal("""{ "seconds": 10, "until": "2019-03-26T20:14:23.192Z" }""", started.Payload);
    }

    [Fact]
    public async Task RunAsync_WaitWithInputAndOutputPath_FiltersItsInput()
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Wait", "Seconds": 1, "InputPath": "$.a", "OutputPath": "$.b", "End": true }"""), """{ "a": { "b": 2 } }""", waitScale: 0);

        outcome.AssertSucceeded("2");
    }
}
