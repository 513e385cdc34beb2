using PurchasePipeline.Core.Ports;
using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class GetCrawlerStateFunctionTests
{
    private readonly FakeCrawlerService crawler = new();

    [Fact]
    public async Task HandleAsync_CrawlerReady_WritesStateLastCrawlAndTheEchoedPoll()
    {
        crawler.Status = new CrawlerStatus("READY", "SUCCEEDED", null);

        var output = await FunctionHarness.HandleAsync(new GetCrawlerStateFunction(crawler).HandleAsync, "GetCrawlerState");

        Assert.Equal("""{"state":"READY","lastCrawlStatus":"SUCCEEDED","lastCrawlError":null,"joined":null,"poll":1}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_LastCrawlFailed_WritesItsStatusAndError()
    {
        crawler.Status = new CrawlerStatus("READY", "FAILED", "Insufficient Lake Formation permission(s)");

        var output = await FunctionHarness.HandleAsync(new GetCrawlerStateFunction(crawler).HandleAsync, "GetCrawlerState");

        Assert.Equal("FAILED", (string?)output["lastCrawlStatus"]);
        Assert.Equal("Insufficient Lake Formation permission(s)", (string?)output["lastCrawlError"]);
    }
}
