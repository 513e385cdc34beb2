using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.StepFunctions;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Every Step Functions request we build fits the stepfunctions model (botocore's and aws-sdk's), and model-shaped responses parse.</summary>
public abstract class StepFunctionsModelTests(ModelSource source, ITestOutputHelper output) : ServiceModelTests("stepfunctions", AwsService.StepFunctions, source, output)
{
    private const string StateMachine = "arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline";

    [Fact]
    public async Task StartExecution_ModelShapedResponse_Parses()
    {
        Respond("StartExecution");
        var started = await CreateSut().StartExecutionAsync(StateMachine, "rerun-1", """{"detail":{}}""", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "StartExecution", Endpoint.OnlyRequest(), AwsService.StepFunctions);
        Assert.Equal("sample-executionArn", started.ExecutionArn);
        Assert.NotNull(started.StartDate);
    }

    [Fact]
    public async Task DescribeExecution_ModelShapedResponse_Parses()
    {
        Respond("DescribeExecution");
        var execution = await CreateSut().DescribeExecutionAsync(StateMachine.Replace("stateMachine", "execution", StringComparison.Ordinal) + ":1", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "DescribeExecution", Endpoint.OnlyRequest(), AwsService.StepFunctions);
        Assert.Equal(SampleString("status", "ExecutionStatus"), execution.Status);
        Assert.Equal("sample-error", execution.Error);
        Assert.Equal("sample-cause", execution.Cause);
    }

    [Fact]
    public async Task ListExecutions_ModelShapedResponse_Parses()
    {
        Respond("ListExecutions");
        var page = await CreateSut().ListExecutionsAsync(StateMachine, "FAILED", "token-1", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "ListExecutions", Endpoint.OnlyRequest(), AwsService.StepFunctions);
        var item = Assert.Single(page.Executions!);
        Assert.Equal("sample-executionArn", item.ExecutionArn);
        Assert.Equal("sample-nextToken", page.NextToken);
    }

    private protected StepFunctionsClient CreateSut() => new(Client());
}

/// <summary>Against botocore's model: enum values, patterns and lengths.</summary>
[Trait("Requires", "botocore")]
public sealed class StepFunctionsBotocoreModelTests(ITestOutputHelper output) : StepFunctionsModelTests(ModelSource.Botocore, output);

/// <summary>
/// Against aws-sdk's current model: members, types and required lists as AWS has them now. Redrive (2023) is only
/// there: Debian's botocore (2022) predates it.
/// </summary>
[Trait("Requires", "aws-sdk")]
public sealed class StepFunctionsCurrentModelTests(ITestOutputHelper output) : StepFunctionsModelTests(ModelSource.AwsSdk, output)
{
    [Fact]
    public async Task RedriveExecution_ModelShapedResponse_SendsTheExecutionWithAClientTokenAndReadsTheDate()
    {
        Respond("RedriveExecution");
        var redriven = await CreateSut().RedriveExecutionAsync("arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:1", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "RedriveExecution", Endpoint.OnlyRequest(), AwsService.StepFunctions);
        Assert.NotNull(redriven.RedriveDate);
    }

    [Fact]
    public async Task DescribeExecution_ModelShapedResponse_ReadsTheRedriveMembers()
    {
        Respond("DescribeExecution");
        var execution = await CreateSut().DescribeExecutionAsync("arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:1", CancellationToken.None);
        Assert.NotNull(execution.RedriveCount);
        Assert.Equal(SampleString("redriveStatus", "ExecutionRedriveStatus"), execution.RedriveStatus);
    }
}
