using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// Pass (https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html), Succeed
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html) and Fail
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html).
/// </summary>
public sealed class PassSucceedFailTests
{
    [Fact]
    public async Task RunAsync_PassExampleWithResultAndResultPath_InjectsTheResult()
    {
        var definition = """
            { "StartAt": "No-op", "States": {
                "No-op": { "Type": "Pass", "Result": { "x-datum": 0.381018, "y-datum": 622.2269926397355 }, "ResultPath": "$.coords", "Next": "End" },
                "End": { "Type": "Succeed" } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "georefOf": "Home" }""");

        outcome.AssertSucceeded("""{ "georefOf": "Home", "coords": { "x-datum": 0.381018, "y-datum": 622.2269926397355 } }""");
    }

    [Fact]
    public async Task RunAsync_PassWithoutResult_OutputsItsInput()
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Pass", "End": true }"""), """{ "a": [ 1, 2 ] }""");

        outcome.AssertSucceeded("""{ "a": [ 1, 2 ] }""");
    }

    [Fact]
    public async Task RunAsync_PassWithParametersAndResultPath_PlacesTheEffectiveInput()
    {
        // Without Result, a Pass state's result is its effective input (after InputPath and Parameters).
        var definition = Harness.OneState("""{ "Type": "Pass", "InputPath": "$.in", "Parameters": { "v.$": "$.x" }, "ResultPath": "$.out", "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "in": { "x": 1 } }""");

        outcome.AssertSucceeded("""{ "in": { "x": 1 }, "out": { "v": 1 } }""");
    }

    [Fact]
    public async Task RunAsync_SucceedWithOutputPath_EndsWithTheSelectedOutput()
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b" }"""), """{ "a": { "b": "done" } }""");

        outcome.AssertSucceeded("\"done\"");
    }

    [Fact]
    public async Task RunAsync_FailWithErrorAndCause_FailsTheExecutionWithThem()
    {
        var definition = Harness.OneState("""{ "Type": "Fail", "Error": "ErrorA", "Cause": "Kaiju attack" }""", "FailState");

        var outcome = await Harness.RunAsync(definition);

        outcome.AssertFailed("ErrorA");
        Assert.Equal("Kaiju attack", outcome.Result.Cause);
        var failed = Assert.Single(outcome.Listener.OfType(HistoryEventType.ExecutionFailed));
        Assert.Equal(("ErrorA", "Kaiju attack"), (failed.Error, failed.Cause));
    }

    [Fact]
    public async Task RunAsync_FailWithErrorPathAndCausePath_ReadsThemFromTheInput()
    {
        // state-fail.html: "ErrorPath": "$.someError", "CausePath": "$.someCause".
        var definition = Harness.OneState("""{ "Type": "Fail", "ErrorPath": "$.someError", "CausePath": "$.someCause" }""", "FailState");

        var outcome = await Harness.RunAsync(definition, """{ "someError": "CustomError", "someCause": "It broke" }""");

        outcome.AssertFailed("CustomError");
        Assert.Equal("It broke", outcome.Result.Cause);
    }

    [Fact]
    public async Task RunAsync_FailWithIntrinsicCausePath_EvaluatesTheFunction()
    {
        var definition = Harness.OneState("""{ "Type": "Fail", "Error": "Rejected", "CausePath": "States.Format('order {} rejected', $.id)" }""");

        var outcome = await Harness.RunAsync(definition, """{ "id": 42 }""");

        outcome.AssertFailed("Rejected");
        Assert.Equal("order 42 rejected", outcome.Result.Cause);
    }

    [Fact]
    public async Task RunAsync_FailWithErrorPathToANumber_FailsWithStatesRuntime()
    {
        var definition = Harness.OneState("""{ "Type": "Fail", "ErrorPath": "$.code" }""");

        var outcome = await Harness.RunAsync(definition, """{ "code": 500 }""");

        outcome.AssertFailed("States.Runtime");
    }

    [Fact]
    public async Task RunAsync_FailWithoutError_FailsWithNoErrorName()
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Fail" }"""));

        Assert.Equal(ExecutionStatus.Failed, outcome.Result.Status);
        Assert.Null(outcome.Result.Error);
    }
}
