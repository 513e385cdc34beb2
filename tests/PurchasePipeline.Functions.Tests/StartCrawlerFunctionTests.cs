using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class StartCrawlerFunctionTests
{
    private readonly FakeCrawlerService crawler = new();

    [Fact]
    public async Task HandleAsync_StateParameters_StartsTheCrawlerAndWritesEveryResultField()
    {
        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartCrawler");

        Assert.Equal(["purchase-pipeline-raw"], crawler.Started);
        Assert.Equal("""{"state":"RUNNING","lastCrawlStatus":null,"lastCrawlError":null,"joined":false,"poll":0}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_CrawlerAlreadyRunning_JoinsItInsteadOfFailing()
    {
        crawler.StartException = new CrawlerRunningException("purchase-pipeline-raw");

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartCrawler");

        Assert.Equal("RUNNING", (string?)output["state"]);
        Assert.True((bool?)output["joined"]);
        Assert.Equal(0, (int?)output["poll"]);
    }

    [Fact]
    public async Task HandleAsync_NoCrawlerName_ThrowsInvalidTaskInputNamingTheField()
    {
        await using var input = Events.Open("Invalid/StartCrawler.missing-crawler-name");

        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(() => CreateSut().HandleAsync(input));

        Assert.Equal("$.crawlerName", error.Field);
        Assert.Contains("$.crawlerName", error.Message, StringComparison.Ordinal);
    }

    private StartCrawlerFunction CreateSut() => new(new FunctionHarness { Crawler = crawler }.Ports);
}
