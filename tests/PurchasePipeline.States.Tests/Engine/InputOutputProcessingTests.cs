using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// InputPath → Parameters → task → ResultSelector → ResultPath → OutputPath, with the examples of
/// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html,
/// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html and
/// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html.
/// </summary>
public sealed class InputOutputProcessingTests
{
    private const string LambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction";

    [Fact]
    public async Task RunAsync_InputResultOutputPathExample_FiltersAsTheGuideShows()
    {
        // input-output-example.html: InputPath $.lambda, ResultPath $.data.lambdaresult, OutputPath $.data.
        var tasks = new ScriptedTaskInvoker().Returns("HelloWorld", "\"Hello, AWS Step Functions!\"");
        var definition = Harness.OneState(
            $$"""{ "Type": "Task", "Resource": "{{LambdaArn}}", "InputPath": "$.lambda", "ResultPath": "$.data.lambdaresult", "OutputPath": "$.data", "End": true }""",
            "HelloWorld");

        var outcome = await Harness.RunAsync(
            definition,
            """{ "comment": "An input comment.", "data": { "val1": 23, "val2": 17 }, "extra": "foo", "lambda": { "who": "AWS Step Functions" } }""",
            tasks);

        outcome.AssertSucceeded("""{ "val1": 23, "val2": 17, "lambdaresult": "Hello, AWS Step Functions!" }""");
        JsonAssert.Equal("""{ "who": "AWS Step Functions" }""", tasks.Invocations.Single().Parameters);
    }

    [Fact]
    public async Task RunAsync_InputPathExample_PassesOnlyTheSelectedNode()
    {
        // input-output-inputpath-params.html, "InputPath": "$.dataset2".
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.dataset2", "End": true }""");

        var outcome = await Harness.RunAsync(
            definition,
            """{ "comment": "Example for InputPath.", "dataset1": { "val1": 1, "val2": 2, "val3": 3 }, "dataset2": { "val1": "a", "val2": "b", "val3": "c" } }""");

        JsonAssert.Equal("""{ "val1": "a", "val2": "b", "val3": "c" }""", outcome.Tasks.Invocations.Single().Parameters);
    }

    [Fact]
    public async Task RunAsync_ParametersExample_SelectsWithPathsAndKeepsStaticValues()
    {
        // input-output-inputpath-params.html, "Parameters" example.
        var definition = Harness.OneState("""
            { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Parameters": { "comment": "Selecting what I care about.",
                              "MyDetails": { "size.$": "$.product.details.size", "exists.$": "$.product.availability", "StaticValue": "foo" } } }
            """);

        var outcome = await Harness.RunAsync(
            definition,
            """{ "comment": "Example for Parameters.", "product": { "details": { "color": "blue", "size": "small", "material": "cotton" }, "availability": "in stock", "sku": "2317", "cost": "$23" } }""");

        JsonAssert.Equal(
            """{ "comment": "Selecting what I care about.", "MyDetails": { "size": "small", "exists": "in stock", "StaticValue": "foo" } }""",
            outcome.Tasks.Invocations.Single().Parameters);
    }

    [Fact]
    public async Task RunAsync_ResultSelectorExample_KeepsOnlyTheSelectedPartsOfTheResult()
    {
        // input-output-inputpath-params.html, "ResultSelector" example (an EMR createCluster result).
        var tasks = new ScriptedTaskInvoker().Returns("CreateCluster", """
            { "resourceType": "elasticmapreduce", "resource": "createCluster.sync",
              "output": { "SdkHttpMetadata": { "HttpStatusCode": 200 }, "SdkResponseMetadata": { "RequestId": "1234-5678-9012" }, "ClusterId": "AKIAIOSFODNN7EXAMPLE" } }
            """);
        var definition = Harness.OneState("""
            { "Type": "Task", "Resource": "arn:aws:states:::elasticmapreduce:createCluster.sync", "End": true,
              "ResultSelector": { "ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType" }, "ResultPath": "$.EMROutput" }
            """, "CreateCluster");

        var outcome = await Harness.RunAsync(definition, """{ "cluster": "etl" }""", tasks);

        outcome.AssertSucceeded("""{ "cluster": "etl", "EMROutput": { "ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce" } }""");
    }

    [Fact]
    public async Task RunAsync_ProcessingExampleWithResultPathSum_AddsTheResultToTheInput()
    {
        // amazon-states-language-input-output-processing: InputPath $.numbers, ResultPath $.sum; the task returns 7.
        var tasks = new ScriptedTaskInvoker().Returns("Add", "7");
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.numbers", "ResultPath": "$.sum", "OutputPath": "$", "End": true }""", "Add");

        var outcome = await Harness.RunAsync(definition, """{ "title": "Numbers to add", "numbers": { "val1": 3, "val2": 4 } }""", tasks);

        outcome.AssertSucceeded("""{ "title": "Numbers to add", "numbers": { "val1": 3, "val2": 4 }, "sum": 7 }""");
        JsonAssert.Equal("""{ "val1": 3, "val2": 4 }""", tasks.Invocations.Single().Parameters);
    }

    [Fact]
    public async Task RunAsync_ProcessingExampleWithOutputPathSum_OutputsOnlyTheSum()
    {
        var tasks = new ScriptedTaskInvoker().Returns("Add", "7");
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.numbers", "ResultPath": "$.sum", "OutputPath": "$.sum", "End": true }""", "Add");

        var outcome = await Harness.RunAsync(definition, """{ "numbers": { "val1": 3, "val2": 4 } }""", tasks);

        outcome.AssertSucceeded("7");
    }

    [Fact]
    public async Task RunAsync_InputPathNull_GivesTheTaskAnEmptyObject()
    {
        // amazon-states-language-input-output-processing: "If you use null, ... the task receives ... {}".
        var definition = Harness.OneState("""{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": null, "ResultPath": null, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""");

        JsonAssert.Equal("{}", outcome.Tasks.Invocations.Single().Parameters);
        outcome.AssertSucceeded("""{ "a": 1 }""");
    }

    [Fact]
    public async Task RunAsync_OutputPathNull_OutputsAnEmptyObject()
    {
        var definition = Harness.OneState("""{ "Type": "Pass", "OutputPath": null, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""");

        outcome.AssertSucceeded("{}");
    }

    [Fact]
    public async Task RunAsync_InputPathSelectsNothing_FailsWithStatesRuntimeNamingThePath()
    {
        var definition = Harness.OneState("""{ "Type": "Pass", "InputPath": "$.missing", "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""");

        outcome.AssertFailed("States.Runtime", "'$.missing'");
    }

    [Fact]
    public async Task RunAsync_OutputPathSelectsNothing_FailsWithStatesRuntimeNamingThePath()
    {
        var definition = Harness.OneState("""{ "Type": "Pass", "OutputPath": "$.nope", "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""");

        outcome.AssertFailed("States.Runtime", "'$.nope'");
    }

    [Fact]
    public async Task RunAsync_ParameterPathSelectsNothing_FailsWithParameterPathFailureNamingPathAndField()
    {
        // https://states-language.net/spec.html#parameters: a path that cannot be applied is States.ParameterPathFailure.
        var definition = Harness.OneState("""{ "Type": "Pass", "Parameters": { "x.$": "$.missing" }, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""");

        outcome.AssertFailed("States.ParameterPathFailure", "The JSONPath '$.missing' specified for the field 'x.$'");
    }

    [Fact]
    public async Task RunAsync_ParameterPathFailureWithCatchAll_IsCaught()
    {
        var definition = """
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "r", "Parameters": { "x.$": "$.missing" }, "Next": "Done",
                       "Catch": [ { "ErrorEquals": [ "States.ALL" ], "Next": "Caught" } ] },
                "Caught": { "Type": "Pass", "End": true },
                "Done": { "Type": "Succeed" } } }
            """;

        var outcome = await Harness.RunAsync(definition, "{}");

        Assert.Equal(ExecutionStatus.Succeeded, outcome.Result.Status);
        Assert.Equal("States.ParameterPathFailure", outcome.Output!["Error"]!.GetValue<string>());
        Assert.Empty(outcome.Tasks.Invocations);
    }

    [Fact]
    public async Task RunAsync_ParametersNestedInArrays_ResolvesEveryDynamicField()
    {
        // https://states-language.net/spec.html#parameters: ".$" fields are replaced "however deeply nested".
        var definition = Harness.OneState("""
            { "Type": "Pass", "End": true,
              "Parameters": { "list": [ { "id.$": "$.ids[0]" }, [ { "id.$": "$.ids[1]" } ], "plain" ], "all.$": "$.ids", "literal": "$.ids" } }
            """);

        var outcome = await Harness.RunAsync(definition, """{ "ids": [ "a", "b" ] }""");

        outcome.AssertSucceeded("""{ "list": [ { "id": "a" }, [ { "id": "b" } ], "plain" ], "all": [ "a", "b" ], "literal": "$.ids" }""");
    }

    [Fact]
    public async Task RunAsync_ParametersWithIndefinitePath_SelectsAnArray()
    {
        // amazon-states-language-input-output-processing: "$.a[0:2]" on { "a": [1, 2, 3, 4] } is [1, 2].
        var definition = Harness.OneState("""{ "Type": "Pass", "Parameters": { "first.$": "$.a[0:2]", "none.$": "$.a[?(@ > 10)]" }, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": [ 1, 2, 3, 4 ] }""");

        outcome.AssertSucceeded("""{ "first": [ 1, 2 ], "none": [] }""");
    }

    [Fact]
    public async Task RunAsync_ResultSelectorFlattensParallelOutput_AsThePathsPageShows()
    {
        // amazon-states-language-paths.html, "Flattening an array of arrays" with "$[*][*]".
        var definition = """
            { "StartAt": "P", "States": { "P": { "Type": "Parallel", "End": true,
                "ResultSelector": { "flattenArray.$": "$[*][*]" },
                "Branches": [
                  { "StartAt": "A", "States": { "A": { "Type": "Pass", "Result": [ { "a": 1 }, { "a": 2 } ], "End": true } } },
                  { "StartAt": "B", "States": { "B": { "Type": "Pass", "Result": [ { "b": 3 } ], "End": true } } } ] } } }
            """;

        var outcome = await Harness.RunAsync(definition, "{}");

        outcome.AssertSucceeded("""{ "flattenArray": [ { "a": 1 }, { "a": 2 }, { "b": 3 } ] }""");
    }

    [Fact]
    public async Task RunAsync_IntrinsicInParameters_IsEvaluatedAgainstTheInput()
    {
        // https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html (States.Format).
        var definition = Harness.OneState("""{ "Type": "Pass", "Parameters": { "greeting.$": "States.Format('Hello, {}!', $.name)" }, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "name": "Ana" }""");

        outcome.AssertSucceeded("""{ "greeting": "Hello, Ana!" }""");
    }

    [Fact]
    public async Task RunAsync_IntrinsicReadingTheContextObject_ResolvesDoubleDollarPaths()
    {
        var definition = Harness.OneState("""{ "Type": "Pass", "Parameters": { "id.$": "States.Format('{}/{}', $$.Execution.Name, $.n)" }, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "n": "x" }""");

        outcome.AssertSucceeded("""{ "id": "executionName/x" }""");
    }

    [Fact]
    public void Parse_UnknownIntrinsicFunction_IsRejectedBeforeRunning()
    {
        // One rule set: the validator checks intrinsic calls when the definition is read, as `states validate`
        // does, instead of the run failing later with States.IntrinsicFailure.
        var definition = Harness.OneState("""{ "Type": "Pass", "Parameters": { "x.$": "States.NoSuchFunction($.a)" }, "End": true }""");

        var exception = Assert.Throws<DefinitionException>(() => StateMachine.Parse(definition));

        Assert.Equal(
            """$.States.S.Parameters['x.$']: 'States.NoSuchFunction' is not an intrinsic function (in "States.NoSuchFunction($.a)")""",
            Assert.Single(exception.Problems).ToString());
    }

    [Fact]
    public async Task RunAsync_IntrinsicPathArgumentMissing_FailsWithIntrinsicFailure()
    {
        var definition = Harness.OneState("""{ "Type": "Pass", "Parameters": { "x.$": "States.Format('{}', $.missing)" }, "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "a": 1 }""");

        outcome.AssertFailed("States.IntrinsicFailure", "$.missing");
    }
}
