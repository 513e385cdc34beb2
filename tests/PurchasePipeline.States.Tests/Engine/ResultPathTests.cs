using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// ResultPath, with the examples of https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
/// (a Lambda function returning "Hello, AWS Step Functions!").
/// </summary>
public sealed class ResultPathTests
{
    private const string Hello = "\"Hello, AWS Step Functions!\"";
    private const string DefaultInput = """{ "comment": "This is a test of the input and output of a Task state.", "details": "Default example", "who": "AWS Step Functions" }""";

    [Fact]
    public async Task RunAsync_NoResultPath_ReplacesTheInputWithTheResult()
    {
        var outcome = await RunAsync(null, DefaultInput);

        outcome.AssertSucceeded(Hello);
    }

    [Fact]
    public async Task RunAsync_ResultPathDollar_ReplacesTheInputWithTheResult()
    {
        var outcome = await RunAsync("\"$\"", DefaultInput);

        outcome.AssertSucceeded(Hello);
    }

    [Fact]
    public async Task RunAsync_ResultPathNewField_IncludesTheResultWithTheInput()
    {
        var outcome = await RunAsync("\"$.taskresult\"", DefaultInput);

        outcome.AssertSucceeded("""{ "comment": "This is a test of the input and output of a Task state.", "details": "Default example", "who": "AWS Step Functions", "taskresult": "Hello, AWS Step Functions!" }""");
    }

    [Fact]
    public async Task RunAsync_ResultPathIntoChildNode_InsertsTheResultAsAChild()
    {
        var outcome = await RunAsync(
            "\"$.strings.lambdaresult\"",
            """{ "comment": "An input comment.", "strings": { "string1": "foo", "string2": "bar", "string3": "baz" }, "who": "AWS Step Functions" }""");

        outcome.AssertSucceeded("""
            { "comment": "An input comment.",
              "strings": { "string1": "foo", "string2": "bar", "string3": "baz", "lambdaresult": "Hello, AWS Step Functions!" },
              "who": "AWS Step Functions" }
            """);
    }

    [Fact]
    public async Task RunAsync_ResultPathExistingNode_UpdatesThatNode()
    {
        var outcome = await RunAsync("\"$.comment\"", DefaultInput);

        outcome.AssertSucceeded("""{ "comment": "Hello, AWS Step Functions!", "details": "Default example", "who": "AWS Step Functions" }""");
    }

    [Fact]
    public async Task RunAsync_ResultPathNull_DiscardsTheResult()
    {
        // amazon-states-language-input-output-processing: "If the ResultPath is null, the results ... are discarded".
        var outcome = await RunAsync("null", DefaultInput);

        outcome.AssertSucceeded(DefaultInput);
    }

    [Fact]
    public async Task RunAsync_ResultPathThroughMissingObjects_CreatesThem()
    {
        var outcome = await RunAsync("\"$.a.b.c\"", """{ "x": 1 }""");

        outcome.AssertSucceeded("""{ "x": 1, "a": { "b": { "c": "Hello, AWS Step Functions!" } } }""");
    }

    [Fact]
    public async Task RunAsync_ResultPathIntoArrayElement_ReplacesThatElement()
    {
        var outcome = await RunAsync("\"$.list[1]\"", """{ "list": [ 1, 2, 3 ] }""");

        outcome.AssertSucceeded("""{ "list": [ 1, "Hello, AWS Step Functions!", 3 ] }""");
    }

    [Theory]
    [InlineData("\"$.a.b\"", """{ "a": "text" }""")]
    [InlineData("\"$.list[5]\"", """{ "list": [ 1 ] }""")]
    [InlineData("\"$.a\"", "\"a string input\"")]
    public async Task RunAsync_ResultPathThatCannotBePlaced_FailsWithResultPathMatchFailure(string resultPath, string input)
    {
        var outcome = await RunAsync(resultPath, input);

        outcome.AssertFailed("States.ResultPathMatchFailure", "Unable to apply ResultPath");
    }

    [Fact]
    public async Task RunAsync_CatchWithResultPath_IncludesBothErrorAndInput()
    {
        // input-output-resultpath.html, "Use ResultPath to Include Both Error and Input in a Catch".
        var tasks = new ScriptedTaskInvoker().Fails("Task", "Error here");
        var definition = """
            { "StartAt": "Task", "States": {
                "Task": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:FailFunction", "End": true,
                          "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "NextTask", "ResultPath": "$.error" } ] },
                "NextTask": { "Type": "Pass", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "foo": "bar" }""", tasks);

        outcome.AssertSucceeded("""{ "foo": "bar", "error": { "Error": "Error here" } }""");
    }

    private static Task<Outcome> RunAsync(string? resultPath, string input)
    {
        var tasks = new ScriptedTaskInvoker().Returns("Task", Hello);
        var field = resultPath is null ? string.Empty : $"\"ResultPath\": {resultPath},";
        var definition = Harness.OneState($$"""{ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction", {{field}} "End": true }""", "Task");
        return Harness.RunAsync(definition, input, tasks);
    }
}
