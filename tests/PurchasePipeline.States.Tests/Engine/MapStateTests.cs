using System.Text.Json.Nodes;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>
/// The Map state, with the examples of https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html,
/// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html#contextobject-map and
/// https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html.
/// </summary>
public sealed class MapStateTests
{
    private const string ShippingInput = """
        { "ship-date": "2016-03-14T01:59:00Z",
          "detail": { "delivery-partner": "UQS", "shipped": [
            { "prod": "R31", "dest-code": 9511, "quantity": 1344 },
            { "prod": "S39", "dest-code": 9511, "quantity": 40 },
            { "prod": "R31", "dest-code": 9833, "quantity": 12 },
            { "prod": "R40", "dest-code": 9860, "quantity": 887 },
            { "prod": "R40", "dest-code": 9511, "quantity": 1220 } ] } }
        """;

    [Fact]
    public async Task RunAsync_ValidateAllExample_InvokesTheProcessorOncePerItem()
    {
        var tasks = new ScriptedTaskInvoker().Answers("Validate", i => JsonValue.Create(i.Parameters!["prod"]!.GetValue<string>() + " ok"));
        var definition = """
            { "StartAt": "Validate-All", "States": { "Validate-All": {
                "Type": "Map", "InputPath": "$.detail", "ItemsPath": "$.shipped", "MaxConcurrency": 0,
                "Iterator": { "StartAt": "Validate", "States": { "Validate": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:ship-val", "End": true } } },
                "ResultPath": "$.detail.shipped", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, ShippingInput, tasks);

        JsonAssert.Equal("""{ "prod": "R31", "dest-code": 9511, "quantity": 1344 }""", tasks.Invocations[0].Parameters);
        JsonAssert.Equal("""{ "delivery-partner": "UQS", "shipped": [ "R31 ok", "S39 ok", "R31 ok", "R40 ok", "R40 ok" ] }""", outcome.Output!["detail"]);
    }

    [Fact]
    public async Task RunAsync_ValidateAllExampleWithParameters_BuildsEachIterationInput()
    {
        // "The following is an example of input to a single iteration": { "parcel": {...}, "courier": "UQS" }.
        var definition = """
            { "StartAt": "Validate-All", "States": { "Validate-All": {
                "Type": "Map", "InputPath": "$.detail", "ItemsPath": "$.shipped", "MaxConcurrency": 0, "ResultPath": "$.detail.shipped",
                "Parameters": { "parcel.$": "$$.Map.Item.Value", "courier.$": "$.delivery-partner" },
                "Iterator": { "StartAt": "Validate", "States": { "Validate": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:ship-val", "End": true } } },
                "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, ShippingInput);

        Assert.Equal(5, outcome.Tasks.Invocations.Count);
        JsonAssert.Equal("""{ "parcel": { "prod": "R31", "dest-code": 9511, "quantity": 1344 }, "courier": "UQS" }""", outcome.Tasks.Invocations[0].Parameters);
        JsonAssert.Equal("""{ "parcel": { "prod": "R40", "dest-code": 9511, "quantity": 1220 }, "courier": "UQS" }""", outcome.Tasks.Invocations[4].Parameters);
    }

    [Fact]
    public async Task RunAsync_ContextObjectMapExample_InsertsIndexAndValue()
    {
        // input-output-contextobject.html#contextobject-map, with its input and output.
        var definition = """
            { "StartAt": "ExampleMapState", "States": { "ExampleMapState": {
                "Type": "Map", "Parameters": { "ContextIndex.$": "$$.Map.Item.Index", "ContextValue.$": "$$.Map.Item.Value" },
                "Iterator": { "StartAt": "TestPass", "States": { "TestPass": { "Type": "Pass", "End": true } } },
                "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """[ { "who": "bob" }, { "who": "meg" }, { "who": "joe" } ]""");

        outcome.AssertSucceeded("""
            [ { "ContextValue": { "who": "bob" }, "ContextIndex": 0 },
              { "ContextValue": { "who": "meg" }, "ContextIndex": 1 },
              { "ContextValue": { "who": "joe" }, "ContextIndex": 2 } ]
            """);
    }

    [Fact]
    public async Task RunAsync_ItemSelectorAndItemProcessor_WorkAsParametersAndIterator()
    {
        var definition = """
            { "StartAt": "M", "States": { "M": {
                "Type": "Map", "ItemsPath": "$.items", "ItemSelector": { "n.$": "$$.Map.Item.Value", "factor.$": "$.factor" },
                "ItemProcessor": { "ProcessorConfig": { "Mode": "INLINE" }, "StartAt": "Times", "States": {
                  "Times": { "Type": "Pass", "Parameters": { "product.$": "States.MathAdd($.n, $.factor)" }, "OutputPath": "$.product", "End": true } } },
                "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "items": [ 1, 2, 3 ], "factor": 10 }""");

        outcome.AssertSucceeded("[ 11, 12, 13 ]");
    }

    [Fact]
    public async Task RunAsync_EmptyItems_OutputsAnEmptyArray()
    {
        var outcome = await Harness.RunAsync(SimpleMap(string.Empty), "[]");

        outcome.AssertSucceeded("[]");
    }

    [Fact]
    public async Task RunAsync_ItemsPathNotAnArray_FailsWithStatesRuntime()
    {
        var outcome = await Harness.RunAsync(SimpleMap("\"ItemsPath\": \"$.items\","), """{ "items": { "not": "an array" } }""");

        outcome.AssertFailed("States.Runtime", "$.items");
    }

    [Fact]
    public async Task RunAsync_IterationFailsWithoutTolerance_FailsTheMapWithItsError()
    {
        // "If any iteration fails, entire Map state fails, and all iterations are terminated."
        var tasks = new ScriptedTaskInvoker().Returns("Work", "1").Fails("Work", "ItemError", "bad item");

        var outcome = await Harness.RunAsync(SimpleMap("\"MaxConcurrency\": 1,"), "[ 1, 2, 3, 4 ]", tasks);

        outcome.AssertFailed("ItemError");
        Assert.Equal(2, tasks.Invocations.Count);
    }

    [Fact]
    public async Task RunAsync_MaxConcurrencyOne_RunsIterationsInOrderOneAtATime()
    {
        // "A MaxConcurrency value of 1 invokes the Iterator once for each array element in the order of their appearance".
        var running = 0;
        var overlapped = false;
        var tasks = new ScriptedTaskInvoker().Add("Work", async (invocation, _) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return invocation.Parameters;
        });

        var outcome = await Harness.RunAsync(SimpleMap("\"MaxConcurrency\": 1,"), "[ 1, 2, 3, 4, 5 ]", tasks);

        outcome.AssertSucceeded("[ 1, 2, 3, 4, 5 ]");
        Assert.False(overlapped);
        Assert.Equal([1, 2, 3, 4, 5], tasks.Invocations.Select(i => i.Parameters!.GetValue<int>()));
    }

    [Fact]
    public async Task RunAsync_MaxConcurrencyTwo_NeverRunsMoreThanTwo()
    {
        // No timing: the first iteration waits until a second one runs beside it, so a peak of two is
        // reached on any machine; an engine that never ran two at once fails here instead of hanging.
        var running = 0;
        var peak = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = new ScriptedTaskInvoker().Add("Work", async (invocation, cancellationToken) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now == 2)
            {
                twoRunning.TrySetResult();
            }

            await twoRunning.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            Interlocked.Decrement(ref running);
            return invocation.Parameters;
        });

        var outcome = await Harness.RunAsync(SimpleMap("\"MaxConcurrencyPath\": \"$.limit\", \"ItemsPath\": \"$.items\","), """{ "limit": 2, "items": [ 1, 2, 3, 4, 5, 6 ] }""", tasks);

        outcome.AssertSucceeded("[ 1, 2, 3, 4, 5, 6 ]");
        Assert.Equal(2, peak);
    }

    [Fact]
    public async Task RunAsync_FailuresWithinToleratedCount_SucceedWithTheErrorOutputsInPlace()
    {
        var tasks = new ScriptedTaskInvoker().Answers("Work", i => i.Parameters!.GetValue<int>() % 2 == 0 ? throw new TaskFailedException("Odd", "even item") : i.Parameters);

        var outcome = await Harness.RunAsync(SimpleMap("\"ToleratedFailureCount\": 2,"), "[ 1, 2, 3, 4 ]", tasks);

        outcome.AssertSucceeded("""[ 1, { "Error": "Odd", "Cause": "even item" }, 3, { "Error": "Odd", "Cause": "even item" } ]""");
    }

    [Fact]
    public async Task RunAsync_FailuresOverToleratedCount_FailWithExceedToleratedFailureThreshold()
    {
        var tasks = new ScriptedTaskInvoker().Fails("Work", "ItemError");

        var outcome = await Harness.RunAsync(SimpleMap("\"ToleratedFailureCount\": 2,"), "[ 1, 2, 3, 4 ]", tasks);

        outcome.AssertFailed("States.ExceedToleratedFailureThreshold");
    }

    [Theory]
    [InlineData(25, ExecutionStatus.Succeeded)]
    [InlineData(24.9, ExecutionStatus.Failed)]
    public async Task RunAsync_ToleratedFailurePercentage_FailsOnlyAboveThePercentage(double percentage, ExecutionStatus expected)
    {
        // One of four items fails: 25% of the items.
        var tasks = new ScriptedTaskInvoker().Answers("Work", i => i.Parameters!.GetValue<int>() == 3 ? throw new TaskFailedException("ItemError", null) : i.Parameters);
        var tolerance = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"ToleratedFailurePercentagePath\": \"$.tolerated\", \"ItemsPath\": \"$.items\",");

        var outcome = await Harness.RunAsync(SimpleMap(tolerance), string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""{ "tolerated": {{percentage}}, "items": [ 1, 2, 3, 4 ] }"""), tasks);

        Assert.Equal(expected, outcome.Result.Status);
        if (expected == ExecutionStatus.Failed)
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", outcome.Result.Error);
        }
    }

    [Fact]
    public async Task RunAsync_MapRetryThenCatch_RetriesTheWholeMapThenCatches()
    {
        var tasks = new ScriptedTaskInvoker().Fails("Work", "ItemError");
        var definition = """
            { "StartAt": "M", "States": {
                "M": { "Type": "Map", "ItemsPath": "$.items", "Next": "Done",
                       "ItemProcessor": { "StartAt": "Work", "States": { "Work": { "Type": "Task", "Resource": "r", "End": true } } },
                       "Retry": [ { "ErrorEquals": [ "ItemError" ], "MaxAttempts": 1 } ],
                       "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": "$.failure", "Next": "Handle" } ] },
                "Handle": { "Type": "Pass", "OutputPath": "$.failure.Error", "End": true },
                "Done": { "Type": "Succeed" } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "items": [ 1 ] }""", tasks, waitScale: 0);

        outcome.AssertSucceeded("\"ItemError\"");
        Assert.Equal(2, tasks.Invocations.Count);
    }

    [Fact]
    public async Task RunAsync_MapOverObjectInputWithCatch_PlacesTheErrorAtTheCatcherResultPath()
    {
        var tasks = new ScriptedTaskInvoker().Fails("Work", "ItemError", "broken");
        var definition = """
            { "StartAt": "M", "States": {
                "M": { "Type": "Map", "ItemsPath": "$.items", "End": true,
                       "ItemProcessor": { "StartAt": "Work", "States": { "Work": { "Type": "Task", "Resource": "r", "End": true } } },
                       "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": "$.failure", "Next": "Handle" } ] },
                "Handle": { "Type": "Pass", "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "items": [ 1 ] }""", tasks);

        outcome.AssertSucceeded("""{ "items": [ 1 ], "failure": { "Error": "ItemError", "Cause": "broken" } }""");
    }

    [Fact]
    public async Task RunAsync_Map_CountsTheMapAndEveryIterationState()
    {
        var outcome = await Harness.RunAsync(SimpleMap(string.Empty), "[ 1, 2, 3 ]");

        Assert.Equal(4, outcome.Result.StateTransitions);
    }

    private static string SimpleMap(string fields) => $$"""
        { "StartAt": "M", "States": { "M": { "Type": "Map", {{fields}} "End": true,
            "ItemProcessor": { "StartAt": "Work", "States": { "Work": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true } } } } } }
        """;

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
