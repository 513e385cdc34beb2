using PurchasePipeline.Aws.Athena;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Every Athena request we build fits botocore's athena model, and model-shaped responses parse.</summary>
public sealed class AthenaModelTests(ITestOutputHelper output) : IAsyncDisposable
{
    private readonly ServiceModel model = ServiceModel.Load("athena");
    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Fact]
    public void Model_Version_IsRecorded()
    {
        output.WriteLine("model: " + model.Describe());
        Assert.NotEmpty(model.ApiVersion);
    }

    [Fact]
    public void Service_Metadata_MatchesModel() => ModelAssert.DescribesModel(AwsService.Athena, model);

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
        ModelAssert.JsonRequest(model, "StartQueryExecution", endpoint.Single(), AwsService.Athena);
        Assert.Equal("sample-QueryExecutionId", id);
    }

    [Fact]
    public async Task GetQueryExecution_ModelShapedResponse_Parses()
    {
        Respond("GetQueryExecution");
        var status = await CreateSut().GetQueryExecutionAsync("q-1", CancellationToken.None);
        ModelAssert.JsonRequest(model, "GetQueryExecution", endpoint.Single(), AwsService.Athena);
        Assert.Equal((string)model.Shape("QueryExecutionState")["enum"]![0]!, status.State);
        Assert.Equal("sample-StateChangeReason", status.StateChangeReason);
    }

    [Fact]
    public async Task GetQueryResults_TwoPages_FollowsNextTokenAndFitsModel()
    {
        var first = new SampleResponse(model).Build(model.OutputShape("GetQueryResults"));
        var last = new SampleResponse(model).Build(model.OutputShape("GetQueryResults"));
        last.Remove("NextToken");
        endpoint.Then(ScriptedResponse.Ok(first.ToJsonString()), ScriptedResponse.Ok(last.ToJsonString()));

        var rows = await CreateSut().GetQueryResultsAsync("q-1", CancellationToken.None);

        Assert.Equal(2, endpoint.Requests.Count);
        foreach (var request in endpoint.Requests)
        {
            ModelAssert.JsonRequest(model, "GetQueryResults", request, AwsService.Athena);
        }

        Assert.DoesNotContain("NextToken", endpoint.Requests.First().BodyText, StringComparison.Ordinal);
        Assert.Contains("\"NextToken\":\"sample-NextToken\"", endpoint.Requests.Last().BodyText, StringComparison.Ordinal);
        Assert.Equal([["sample-VarCharValue"], ["sample-VarCharValue"]], rows);
    }

    private AthenaClient CreateSut() => new(TestClients.For(AwsService.Athena, endpoint));

    private void Respond(string operation) =>
        endpoint.Then(ScriptedResponse.Ok(new SampleResponse(model).Build(model.OutputShape(operation)).ToJsonString()));
}
