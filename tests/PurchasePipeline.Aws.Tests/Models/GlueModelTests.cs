using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Every Glue request we build fits botocore's glue model, and model-shaped responses parse.</summary>
public sealed class GlueModelTests(ITestOutputHelper output) : IAsyncDisposable
{
    private readonly ServiceModel model = ServiceModel.Load("glue");
    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Fact]
    public void Model_Version_IsRecorded()
    {
        output.WriteLine("model: " + model.Describe());
        Assert.NotEmpty(model.ApiVersion);
    }

    [Fact]
    public void Service_Metadata_MatchesModel() => ModelAssert.DescribesModel(AwsService.Glue, model);

    [Fact]
    public async Task StartCrawler_Request_FitsModel()
    {
        Respond("StartCrawler");
        await CreateSut().StartCrawlerAsync("purchases-raw", CancellationToken.None);
        ModelAssert.JsonRequest(model, "StartCrawler", endpoint.Single(), AwsService.Glue);
    }

    [Fact]
    public async Task GetCrawler_ModelShapedResponse_Parses()
    {
        Respond("GetCrawler");
        var crawler = await CreateSut().GetCrawlerAsync("purchases-raw", CancellationToken.None);
        ModelAssert.JsonRequest(model, "GetCrawler", endpoint.Single(), AwsService.Glue);
        Assert.Equal(FirstEnum("CrawlerState"), crawler.State);
        Assert.Equal(FirstEnum("LastCrawlStatus"), crawler.LastCrawl?.Status);
        Assert.Equal("sample-ErrorMessage", crawler.LastCrawl?.ErrorMessage);
    }

    [Fact]
    public async Task StartJobRun_ModelShapedResponse_Parses()
    {
        Respond("StartJobRun");
        var runId = await CreateSut().StartJobRunAsync("clean-purchases", CancellationToken.None);
        ModelAssert.JsonRequest(model, "StartJobRun", endpoint.Single(), AwsService.Glue);
        Assert.Equal("sample-JobRunId", runId);
    }

    [Fact]
    public async Task GetJobRun_ModelShapedResponse_Parses()
    {
        Respond("GetJobRun");
        var run = await CreateSut().GetJobRunAsync("clean-purchases", "jr_0123", CancellationToken.None);
        ModelAssert.JsonRequest(model, "GetJobRun", endpoint.Single(), AwsService.Glue);
        Assert.Equal(FirstEnum("JobRunState"), run.JobRunState);
        Assert.Equal("sample-ErrorMessage", run.ErrorMessage);
    }

    [Fact]
    public async Task ResetJobBookmark_Request_FitsModel()
    {
        Respond("ResetJobBookmark");
        await CreateSut().ResetJobBookmarkAsync("clean-purchases", CancellationToken.None);
        ModelAssert.JsonRequest(model, "ResetJobBookmark", endpoint.Single(), AwsService.Glue);
    }

    private GlueClient CreateSut() => new(TestClients.For(AwsService.Glue, endpoint));

    private void Respond(string operation) =>
        endpoint.Then(ScriptedResponse.Ok(new SampleResponse(model).Build(model.OutputShape(operation)).ToJsonString()));

    private string FirstEnum(string shape) => (string)model.Shape(shape)["enum"]![0]!;
}
