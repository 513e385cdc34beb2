using System.Text.Json.Nodes;
using PurchasePipeline.States.Mocks;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.States.Tests;

// The fixture is the example mock file of the AWS guide, "Using mocked service integrations for testing in
// Step Functions Local": https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html
// (structure: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html).
public sealed class MockTaskInvokerTests
{
    private const string Machine = "LambdaSQSIntegration";

    [Fact]
    public async Task InvokeAsync_HappyPath_ReturnsTheMockedLambdaAndSqsResults()
    {
        var invoker = CreateSut("HappyPath");

        var lambda = await invoker.InvokeAsync(Invocation("LambdaState"), CancellationToken.None);
        var sqs = await invoker.InvokeAsync(Invocation("SQSState"), CancellationToken.None);

        Assert.Equal("""{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}""", lambda!.ToJsonString());
        Assert.Equal("3bcb6e8e-8b51-4375-b0bc-1a59812c6e51", sqs!["MessageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_RetryPath_EachRetryAdvancesTheInvocationNumber()
    {
        // The guide: "0" is the initial attempt, "1-2" the first and second retries, "3" the third retry.
        var invoker = CreateSut("RetryPath");

        var first = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState", attempt: 0), CancellationToken.None).AsTask());
        var second = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState", attempt: 1), CancellationToken.None).AsTask());
        var third = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState", attempt: 2), CancellationToken.None).AsTask());
        var fourth = await invoker.InvokeAsync(Invocation("LambdaState", attempt: 3), CancellationToken.None);

        Assert.Equal(("Lambda.ResourceNotReadyException", "Lambda resource is not ready."), (first.Error, first.Cause));
        Assert.Equal(("Lambda.TimeoutException", "Lambda timed out."), (second.Error, second.Cause));
        Assert.Equal("Lambda.TimeoutException", third.Error);
        Assert.Equal(200, fourth!["StatusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvokeAsync_InvocationPastTheMockedOnes_FailsNamingStateAndTestCase()
    {
        // "If you do not specify a mocked response for a specific retry attempt ... the state machine execution will fail."
        var invoker = CreateSut("HappyPath");
        await invoker.InvokeAsync(Invocation("LambdaState"), CancellationToken.None);

        var e = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState"), CancellationToken.None).AsTask());

        Assert.Equal("States.TaskFailed", e.Error);
        Assert.Equal("mocked response 'MockedLambdaSuccess' has no entry for invocation 1 of state 'LambdaState' (test case 'HappyPath')", e.Cause);
    }

    [Fact]
    public async Task InvokeAsync_StateNotInTheTestCase_FailsNamingStateAndTestCase()
    {
        // HybridPath mocks only LambdaState; Step Functions Local would call SQS for real, which we cannot.
        var invoker = CreateSut("HybridPath");

        var e = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("SQSState"), CancellationToken.None).AsTask());

        Assert.Equal("States.TaskFailed", e.Error);
        Assert.Equal("state 'SQSState' has no mocked response in test case 'HybridPath' of state machine 'LambdaSQSIntegration' in the mock config", e.Cause);
    }

    [Fact]
    public async Task InvokeAsync_StateNotInTheTestCaseWithUnmockedInvoker_CallsIt()
    {
        var real = new RecordingInvoker(JsonNode.Parse("""{"MessageId": "real"}"""));
        var invoker = LoadGuideConfig().CreateInvoker(Machine, "HybridPath", real);

        var lambda = await invoker.InvokeAsync(Invocation("LambdaState"), CancellationToken.None);
        var sqs = await invoker.InvokeAsync(Invocation("SQSState"), CancellationToken.None);

        Assert.Equal(200, lambda!["StatusCode"]!.GetValue<int>());
        Assert.Equal("real", sqs!["MessageId"]!.GetValue<string>());
        Assert.Equal(["SQSState"], real.States);
    }

    [Fact]
    public async Task InvokeAsync_SecondExecution_CountsFromZeroAgain()
    {
        var invoker = CreateSut("RetryPath");
        await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState", "exec-1"), CancellationToken.None).AsTask());

        var e = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState", "exec-2"), CancellationToken.None).AsTask());

        Assert.Equal("Lambda.ResourceNotReadyException", e.Error);
    }

    [Fact]
    public async Task InvokeAsync_CountsEachStateSeparately()
    {
        var invoker = CreateSut("RetryPath");
        await invoker.InvokeAsync(Invocation("SQSState"), CancellationToken.None);

        var e = await Assert.ThrowsAsync<TaskFailedException>(() => invoker.InvokeAsync(Invocation("LambdaState"), CancellationToken.None).AsTask());

        Assert.Equal("Lambda.ResourceNotReadyException", e.Error);
    }

    [Fact]
    public async Task InvokeAsync_ReturnedResult_IsACopyEachTime()
    {
        var config = LoadGuideConfig();
        var first = await config.CreateInvoker(Machine, "HappyPath").InvokeAsync(Invocation("LambdaState"), CancellationToken.None);
        first!["StatusCode"] = 500;

        var again = await config.CreateInvoker(Machine, "HappyPath").InvokeAsync(Invocation("LambdaState"), CancellationToken.None);

        Assert.Equal(200, again!["StatusCode"]!.GetValue<int>());
        Assert.Null(again.Parent);
    }

    [Fact]
    public async Task InvokeAsync_CancelledToken_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut("HappyPath").InvokeAsync(Invocation("LambdaState"), cancelled.Token).AsTask());
    }

    [Fact]
    public async Task InvokeAsync_ThrowWithoutCause_HasNullCause()
    {
        const string json = """
            {"StateMachines": {"M": {"TestCases": {"T": {"S": "Boom"}}}},
             "MockedResponses": {"Boom": {"0": {"Throw": {"Error": "Custom.Error"}}}}}
            """;

        var e = await Assert.ThrowsAsync<TaskFailedException>(() => MockConfig.Parse(json).CreateInvoker("M", "T").InvokeAsync(Invocation("S"), CancellationToken.None).AsTask());

        Assert.Equal("Custom.Error", e.Error);
        Assert.Null(e.Cause);
    }

    internal static MockConfig LoadGuideConfig() =>
        MockConfig.Parse(File.ReadAllText(RepoPaths.Combine("tests", "PurchasePipeline.States.Tests", "Fixtures", "Mocks", "MockConfigFile.json")));

    private static ITaskInvoker CreateSut(string testCase) => LoadGuideConfig().CreateInvoker(Machine, testCase);

    private static TaskInvocation Invocation(string state, string executionId = "arn:aws:states:us-east-1:000000000000:execution:LambdaSQSIntegration:one", int attempt = 0) =>
        new(state, "arn:aws:states:::lambda:invoke", JsonNode.Parse("{}"), new JsonObject { ["Execution"] = new JsonObject { ["Id"] = executionId } }, attempt);

    private sealed class RecordingInvoker(JsonNode? result) : ITaskInvoker
    {
        public List<string> States { get; } = [];

        public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            States.Add(invocation.StateName);
            return ValueTask.FromResult(result?.DeepClone());
        }
    }
}
