using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.StepFunctions;
using PurchasePipeline.Aws.Tests.Support;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Every Step Functions request we build fits botocore's stepfunctions model, and model-shaped responses parse.</summary>
public sealed class StepFunctionsModelTests(ITestOutputHelper output) : IAsyncDisposable
{
    private const string StateMachine = "arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline";

    private readonly ServiceModel model = ServiceModel.Load("stepfunctions");
    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Fact]
    public void Model_Version_IsRecorded()
    {
        output.WriteLine("model: " + model.Describe());
        Assert.NotEmpty(model.ApiVersion);
    }

    [Fact]
    public void Service_Metadata_MatchesModel() => ModelAssert.DescribesModel(AwsService.StepFunctions, model);

    [Fact]
    public async Task StartExecution_ModelShapedResponse_Parses()
    {
        Respond("StartExecution");
        var started = await CreateSut().StartExecutionAsync(StateMachine, "rerun-1", """{"detail":{}}""", CancellationToken.None);
        ModelAssert.JsonRequest(model, "StartExecution", endpoint.Single(), AwsService.StepFunctions);
        Assert.Equal("sample-executionArn", started.ExecutionArn);
        Assert.NotNull(started.StartDate);
    }

    [Fact]
    public async Task DescribeExecution_ModelShapedResponse_Parses()
    {
        Respond("DescribeExecution");
        var execution = await CreateSut().DescribeExecutionAsync(StateMachine.Replace("stateMachine", "execution", StringComparison.Ordinal) + ":1", CancellationToken.None);
        ModelAssert.JsonRequest(model, "DescribeExecution", endpoint.Single(), AwsService.StepFunctions);
        Assert.Equal((string)model.Shape("ExecutionStatus")["enum"]![0]!, execution.Status);
        Assert.Equal("sample-error", execution.Error);
        Assert.Equal("sample-cause", execution.Cause);
    }

    [Fact]
    public async Task ListExecutions_ModelShapedResponse_Parses()
    {
        Respond("ListExecutions");
        var page = await CreateSut().ListExecutionsAsync(StateMachine, "FAILED", "token-1", CancellationToken.None);
        ModelAssert.JsonRequest(model, "ListExecutions", endpoint.Single(), AwsService.StepFunctions);
        var item = Assert.Single(page.Executions!);
        Assert.Equal("sample-executionArn", item.ExecutionArn);
        Assert.Equal("sample-nextToken", page.NextToken);
    }

    private StepFunctionsClient CreateSut() => new(TestClients.For(AwsService.StepFunctions, endpoint));

    private void Respond(string operation) =>
        endpoint.Then(ScriptedResponse.Ok(new SampleResponse(model).Build(model.OutputShape(operation)).ToJsonString()));
}
