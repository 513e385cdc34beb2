using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>The context object ($$), per https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html.</summary>
public sealed class ContextObjectTests
{
    [Fact]
    public async Task RunAsync_ParametersReadingTheContext_SeeTheGuidesFormat()
    {
        // The guide's "content from a running execution", here with the engine's clock at 2019-03-26T20:14:13.192Z.
        var definition = Harness.OneState("""
            { "Type": "Pass", "End": true, "Parameters": {
                "Execution.$": "$$.Execution", "State.$": "$$.State", "StateMachine.$": "$$.StateMachine" } }
            """, "Test");

        var outcome = await Harness.RunAsync(definition, """{ "key": "value" }""");

        outcome.AssertSucceeded("""
            { "Execution": { "Id": "arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName",
                             "Input": { "key": "value" }, "Name": "executionName",
                             "RoleArn": "arn:aws:iam::123456789012:role/execution", "StartTime": "2019-03-26T20:14:13.192Z" },
              "State": { "EnteredTime": "2019-03-26T20:14:13.192Z", "Name": "Test", "RetryCount": 0 },
              "StateMachine": { "Id": "arn:aws:states:us-east-1:123456789012:stateMachine:stateMachineName", "Name": "stateMachineName" } }
            """);
    }

    [Fact]
    public async Task RunAsync_SqsExample_PassesTheExecutionId()
    {
        // "This example task state uses a path to retrieve and pass the execution ARN to an Amazon SQS message."
        var definition = Harness.OneState("""
            { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true,
              "Parameters": { "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/flight-purchase",
                              "MessageBody": { "From": "YVR", "To": "SEA", "Execution.$": "$$.Execution.Id" } } }
            """, "Order Flight Ticket Queue");

        var outcome = await Harness.RunAsync(definition);

        JsonAssert.Equal(
            """
            { "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/flight-purchase",
              "MessageBody": { "From": "YVR", "To": "SEA", "Execution": "arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName" } }
            """,
            outcome.Tasks.Invocations.Single().Parameters);
    }

    [Fact]
    public async Task RunAsync_EnteredTime_IsWhenTheStateWasEntered()
    {
        var clock = new VirtualClock();
        var definition = """
            { "StartAt": "Pause", "States": {
                "Pause": { "Type": "Wait", "Seconds": 90, "Next": "Read" },
                "Read": { "Type": "Pass", "Parameters": { "entered.$": "$$.State.EnteredTime", "started.$": "$$.Execution.StartTime" }, "End": true } } }
            """;

        var outcome = await Harness.RunAsync(definition, "{}", time: clock);

        outcome.AssertSucceeded("""{ "entered": "2019-03-26T20:15:43.192Z", "started": "2019-03-26T20:14:13.192Z" }""");
    }

    [Fact]
    public async Task RunAsync_InputAndOutputPathOnTheContext_SelectFromIt()
    {
        // JSONPath states can refer to the context ($$.) from InputPath and OutputPath.
        var definition = Harness.OneState("""{ "Type": "Pass", "InputPath": "$$.Execution.Input.order", "End": true }""");

        var outcome = await Harness.RunAsync(definition, """{ "order": { "id": 3 } }""");

        outcome.AssertSucceeded("""{ "id": 3 }""");
    }

    [Fact]
    public async Task RunAsync_MapItemOutsideAMap_IsNotInTheContext()
    {
        var outcome = await Harness.RunAsync(Harness.OneState("""{ "Type": "Pass", "Parameters": { "i.$": "$$.Map.Item.Index" }, "End": true }"""));

        outcome.AssertFailed("States.ParameterPathFailure");
    }
}
