using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Tasks;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>QuickSight's REST routes, URI labels (IngestionId pattern) and bodies fit botocore's quicksight model.</summary>
public sealed class QuickSightModelTests(ITestOutputHelper output) : IAsyncDisposable
{
    private const string Account = "123456789012";

    private readonly ServiceModel model = ServiceModel.Load("quicksight");
    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Fact]
    public void Model_Version_IsRecorded()
    {
        output.WriteLine("model: " + model.Describe());
        Assert.NotEmpty(model.ApiVersion);
    }

    [Fact]
    public void Service_Metadata_MatchesModel() => ModelAssert.DescribesModel(AwsService.QuickSight, model);

    [Theory]
    [InlineData("jr_4f1c2d")]
    [InlineData("run id with spaces/and:colons")]
    [InlineData("jr_0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task CreateIngestion_IngestionIdOfAnyRun_FitsRouteAndPattern(string jobRunId)
    {
        Respond("CreateIngestion");
        var ingestionId = IngestionIds.ForJobRun(jobRunId);

        var status = await CreateSut().CreateIngestionAsync(Account, "sales-dataset", ingestionId, CancellationToken.None);

        var labels = ModelAssert.RestRequest(model, "CreateIngestion", endpoint.Single(), AwsService.QuickSight);
        Assert.Equal(ingestionId, labels["IngestionId"]);
        Assert.Equal(Account, labels["AwsAccountId"]);
        Assert.Equal((string)model.Shape("IngestionStatus")["enum"]![0]!, status);
    }

    [Fact]
    public async Task DescribeIngestion_ModelShapedResponse_Parses()
    {
        Respond("DescribeIngestion");
        var ingestion = await CreateSut().DescribeIngestionAsync(Account, "sales-dataset", "pp-jr_1", CancellationToken.None);
        ModelAssert.RestRequest(model, "DescribeIngestion", endpoint.Single(), AwsService.QuickSight);
        Assert.Equal((string)model.Shape("IngestionStatus")["enum"]![0]!, ingestion.IngestionStatus);
        Assert.Equal("sample-Message", ingestion.ErrorInfo?.Message);
    }

    private QuickSightClient CreateSut() => new(TestClients.For(AwsService.QuickSight, endpoint));

    private void Respond(string operation) =>
        endpoint.Then(ScriptedResponse.Ok(new SampleResponse(model).Build(model.OutputShape(operation)).ToJsonString()));
}
