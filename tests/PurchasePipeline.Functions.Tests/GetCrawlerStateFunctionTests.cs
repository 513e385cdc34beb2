using PurchasePipeline.Core.Ports;
using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

public class GetCrawlerStateFunctionTests
{
    private readonly FunctionHarness harness = new();

    [Fact]
    public async Task HandleAsync_CrawlerReady_WritesStateLastCrawlAndTheEchoedPoll()
    {
        harness.Crawler.Status = new CrawlerStatus("READY", "SUCCEEDED", null);

        var output = await FunctionHarness.HandleAsync(new GetCrawlerStateFunction(harness.Ports).HandleAsync, "GetCrawlerState");

        Assert.Equal("""{"state":"READY","lastCrawlStatus":"SUCCEEDED","lastCrawlError":null,"joined":null,"poll":1}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_LastCrawlFailed_WritesItsStatusAndError()
    {
        harness.Crawler.Status = new CrawlerStatus("READY", "FAILED", "Insufficient Lake Formation permission(s)");

        var output = await FunctionHarness.HandleAsync(new GetCrawlerStateFunction(harness.Ports).HandleAsync, "GetCrawlerState");

        Assert.Equal("FAILED", (string?)output["lastCrawlStatus"]);
        Assert.Equal("Insufficient Lake Formation permission(s)", (string?)output["lastCrawlError"]);
    }
}
