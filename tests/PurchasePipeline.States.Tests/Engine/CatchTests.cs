using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>Catch, with the examples of https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html.</summary>
public sealed class CatchTests
{
    private const string Example = """
        { "StartAt": "HelloWorld", "States": {
            "HelloWorld": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:FailFunction", "End": true,
              "Catch": [ { "ErrorEquals": [ "java.lang.Exception" ], "ResultPath": "$.error-info", "Next": "RecoveryState" },
                         { "ErrorEquals": [ "States.ALL" ], "Next": "EndState" } ] },
            "RecoveryState": { "Type": "Pass", "End": true },
            "EndState": { "Type": "Pass", "End": true } } }
        """;

    [Fact]
    public async Task RunAsync_FirstCatcherMatches_AddsTheErrorOutputAtItsResultPath()
    {
        var tasks = new ScriptedTaskInvoker().Fails("HelloWorld", "java.lang.Exception", "Something went wrong");

        var outcome = await Harness.RunAsync(Example, """{ "order": 7 }""", tasks);

        Assert.Equal(["HelloWorld", "RecoveryState"], outcome.StatesEntered);
        outcome.AssertSucceeded("""{ "order": 7, "error-info": { "Error": "java.lang.Exception", "Cause": "Something went wrong" } }""");
    }

    [Fact]
    public async Task RunAsync_CatchAllWithoutResultPath_ReplacesTheInputWithTheErrorOutput()
    {
        // "If you don't specify the ResultPath field, it defaults to $, which selects and overwrites the entire input."
        var tasks = new ScriptedTaskInvoker().Fails("HelloWorld", "HandledError", "error");

        var outcome = await Harness.RunAsync(Example, """{ "order": 7 }""", tasks);

        Assert.Equal(["HelloWorld", "EndState"], outcome.StatesEntered);
        outcome.AssertSucceeded("""{ "Error": "HandledError", "Cause": "error" }""");
    }

    [Fact]
    public async Task RunAsync_CatchTaskFailed_CatchesAnyLambdaError()
    {
        // "This variant uses the predefined error code States.TaskFailed, which matches any error that a Lambda function outputs."
        var definition = """
            { "StartAt": "HelloWorld", "States": {
                "HelloWorld": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:FailFunction", "End": true,
                                "Catch": [ { "ErrorEquals": [ "States.TaskFailed" ], "Next": "fallback" } ] },
                "fallback": { "Type": "Pass", "Result": "Hello, AWS Step Functions!", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, "{}", new ScriptedTaskInvoker().Fails("HelloWorld", "HandledError"));

        outcome.AssertSucceeded("\"Hello, AWS Step Functions!\"");
    }

    [Fact]
    public async Task RunAsync_NoCatcherMatches_FailsTheExecutionWithTheTaskError()
    {
        var definition = """
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "r", "End": true, "Catch": [ { "ErrorEquals": [ "Other" ], "Next": "Z" } ] },
                "Z": { "Type": "Pass", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, "{}", new ScriptedTaskInvoker().Fails("T", "Mine", "my cause"));

        outcome.AssertFailed("Mine");
        Assert.Equal("my cause", outcome.Result.Cause);
    }

    [Fact]
    public async Task RunAsync_CatcherResultPathNull_KeepsTheInput()
    {
        var definition = """
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "r", "End": true, "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": null, "Next": "Z" } ] },
                "Z": { "Type": "Pass", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "keep": true }""", new ScriptedTaskInvoker().Fails("T", "E"));

        outcome.AssertSucceeded("""{ "keep": true }""");
    }
}
