using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Every Glue request we build fits the glue model (botocore's and aws-sdk's), and model-shaped responses parse.</summary>
public abstract class GlueModelTests(ModelSource source, ITestOutputHelper output) : ServiceModelTests("glue", AwsService.Glue, source, output)
{
    /// <summary>StartJobRun's member for queuing, in aws-sdk's model, newer than Debian's botocore.</summary>
    private const string QueuingMember = "JobRunQueuingEnabled";

    [Fact]
    public async Task StartCrawler_Request_FitsModel()
    {
        Respond("StartCrawler");
        await CreateSut().StartCrawlerAsync("purchases-raw", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "StartCrawler", Endpoint.OnlyRequest(), AwsService.Glue);
    }

    [Fact]
    public async Task GetCrawler_ModelShapedResponse_Parses()
    {
        Respond("GetCrawler");
        var crawler = await CreateSut().GetCrawlerAsync("purchases-raw", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "GetCrawler", Endpoint.OnlyRequest(), AwsService.Glue);
        Assert.Equal(SampleString("State", "CrawlerState"), crawler.State);
        Assert.Equal(SampleString("Status", "LastCrawlStatus"), crawler.LastCrawl?.Status);
        Assert.Equal("sample-ErrorMessage", crawler.LastCrawl?.ErrorMessage);
    }

    [Fact]
    public async Task StartJobRun_ModelShapedResponse_Parses()
    {
        Respond("StartJobRun");
        var runId = await CreateSut().StartJobRunAsync("clean-purchases", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "StartJobRun", Endpoint.OnlyRequest(), AwsService.Glue, QueuingMember);
        Assert.Equal("sample-JobRunId", runId);
    }

    /// <summary>A burst's runs wait in Glue's queue (WAITING) instead of being refused at MaxConcurrentRuns 1.</summary>
    [Fact]
    public async Task StartJobRun_Request_AsksForJobRunQueuing()
    {
        Respond("StartJobRun");
        await CreateSut().StartJobRunAsync("clean-purchases", CancellationToken.None);
        Assert.True((bool?)JsonNode.Parse(Endpoint.OnlyRequest().BodyText)![QueuingMember]);
    }

    [Fact]
    public async Task GetJobRuns_ModelShapedResponse_Parses()
    {
        Respond("GetJobRuns");
        var page = await CreateSut().GetJobRunsAsync("clean-purchases", nextToken: "token-1", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "GetJobRuns", Endpoint.OnlyRequest(), AwsService.Glue);
        var run = Assert.Single(page.JobRuns!);
        Assert.Equal(SampleString("JobRunState", "JobRunState"), run.JobRunState);
        Assert.NotNull(run.StartedOn);
        Assert.NotNull(run.CompletedOn);
    }

    [Fact]
    public async Task GetJobRun_ModelShapedResponse_Parses()
    {
        Respond("GetJobRun");
        var run = await CreateSut().GetJobRunAsync("clean-purchases", "jr_0123", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "GetJobRun", Endpoint.OnlyRequest(), AwsService.Glue);
        Assert.Equal(SampleString("JobRunState", "JobRunState"), run.JobRunState);
        Assert.Equal("sample-ErrorMessage", run.ErrorMessage);
    }

    [Fact]
    public async Task ResetJobBookmark_Request_FitsModel()
    {
        Respond("ResetJobBookmark");
        await CreateSut().ResetJobBookmarkAsync("clean-purchases", CancellationToken.None);
        ModelAssert.JsonRequest(Model, "ResetJobBookmark", Endpoint.OnlyRequest(), AwsService.Glue);
    }

    private GlueClient CreateSut() => new(Client());
}

/// <summary>Against botocore's model: enum values, patterns and lengths.</summary>
[Trait("Requires", "botocore")]
public sealed class GlueBotocoreModelTests(ITestOutputHelper output) : GlueModelTests(ModelSource.Botocore, output);

/// <summary>Against aws-sdk's current model: members, types and required lists as AWS has them now.</summary>
[Trait("Requires", "aws-sdk")]
public sealed class GlueCurrentModelTests(ITestOutputHelper output) : GlueModelTests(ModelSource.AwsSdk, output);
