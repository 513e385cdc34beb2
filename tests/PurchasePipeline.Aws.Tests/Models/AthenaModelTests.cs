using PurchasePipeline.Aws.Athena;
using PurchasePipeline.Aws.Protocol;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Every Athena request we build fits the athena model (botocore's and aws-sdk's), and model-shaped responses parse.</summary>
public abstract class AthenaModelTests(ModelSource source, ITestOutputHelper output) : ServiceModelTests("athena", AwsService.Athena, source, output)
{
    [Fact]
    public async Task StartQueryExecution_WithEveryMemberWeSend_FitsModel()
    {
        Respond("StartQueryExecution");
        var id = await CreateSut().StartQueryExecutionAsync(
            new StartQueryExecutionRequest(
                "SELECT count(*) AS offending FROM purchases WHERE run_id = ?",
                Guid.NewGuid().ToString("N"),
                new QueryExecutionContext("purchases"),
                new ResultConfiguration("s3://lake/athena-results/"),
                "purchase-pipeline",
                ["'jr_0123'"]),
            CancellationToken.None);
        ModelAssert.JsonRequest(Model, "StartQueryExecution", Endpoint.OnlyRequest(), AwsService.Athena);
        Assert.Equal("sample-QueryExecutionId", id);
    }

    [Fact]
    public async Task GetQueryExecution_ModelShapedResponse_Parses()
    {
        Respond("GetQueryExecution");
        var status = await CreateSut().GetQueryExecutionAsync("q-1", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "GetQueryExecution", Endpoint.OnlyRequest(), AwsService.Athena);
        Assert.Equal(SampleString("State", "QueryExecutionState"), status.State);
        Assert.Equal("sample-StateChangeReason", status.StateChangeReason);
        Assert.NotNull(status.AthenaError);
        Assert.Equal("sample-ErrorMessage", status.AthenaError.ErrorMessage);
        Assert.NotNull(status.AthenaError.ErrorCategory);
        Assert.NotNull(status.AthenaError.Retryable);
    }

    [Fact]
    public async Task GetQueryResults_TwoPages_FollowsNextTokenAndFitsModel()
    {
        var first = new SampleResponse(Model).Build(Model.OutputShape("GetQueryResults"));
        var last = new SampleResponse(Model).Build(Model.OutputShape("GetQueryResults"));
        last.Remove("NextToken");
        Endpoint.Then(ScriptedResponse.Ok(first.ToJsonString()), ScriptedResponse.Ok(last.ToJsonString()));

        var rows = await CreateSut().GetQueryResultsAsync("q-1", CancellationToken.None);

        Assert.Equal(2, Endpoint.Requests.Count);
        foreach (var request in Endpoint.Requests)
        {
            ModelAssert.JsonRequest(Model, "GetQueryResults", request, AwsService.Athena);
        }

        Assert.DoesNotContain("NextToken", Endpoint.Requests.First().BodyText, StringComparison.Ordinal);
        Assert.Contains("\"NextToken\":\"sample-NextToken\"", Endpoint.Requests.Last().BodyText, StringComparison.Ordinal);
        Assert.Equal([["sample-VarCharValue"], ["sample-VarCharValue"]], rows);
    }

    private AthenaClient CreateSut() => new(Client());
}

/// <summary>Against botocore's model: enum values, patterns and lengths.</summary>
[Trait("Requires", "botocore")]
public sealed class AthenaBotocoreModelTests(ITestOutputHelper output) : AthenaModelTests(ModelSource.Botocore, output);

/// <summary>Against aws-sdk's current model: members, types and required lists as AWS has them now.</summary>
[Trait("Requires", "aws-sdk")]
public sealed class AthenaCurrentModelTests(ITestOutputHelper output) : AthenaModelTests(ModelSource.AwsSdk, output);
