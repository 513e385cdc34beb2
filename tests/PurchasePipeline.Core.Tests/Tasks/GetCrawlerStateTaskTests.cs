using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class GetCrawlerStateTaskTests
{
    private readonly FakeCrawlerService crawler = new();

    [Fact]
    public async Task RunAsync_CrawlerReady_ReportsStateLastCrawlAndEchoesPoll()
    {
        crawler.Status = new CrawlerStatus("READY", "FAILED", "Internal Service Exception");

        var result = await CreateSut().RunAsync(new GetCrawlerStateRequest("raw-crawler", 3), CancellationToken.None);

        Assert.Equal(["raw-crawler"], crawler.Polled);
        Assert.Equal(new CrawlerResult("READY", "FAILED", "Internal Service Exception", Joined: null, Poll: 3), result);
    }

    [Fact]
    public async Task RunAsync_BeforeFirstCrawl_LastCrawlFieldsAreNull()
    {
        crawler.Status = new CrawlerStatus("RUNNING", null, null);

        var result = await CreateSut().RunAsync(new GetCrawlerStateRequest("raw-crawler", 1), CancellationToken.None);

        Assert.Equal("RUNNING", result.State);
        Assert.Null(result.LastCrawlStatus);
        Assert.Null(result.LastCrawlError);
    }

    [Theory]
    [InlineData(null, 1, "$.crawlerName")]
    [InlineData("raw-crawler", null, "$.poll")]
    public async Task RunAsync_RequiredFieldMissing_ThrowsInvalidTaskInputNamingIt(string? name, int? poll, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(() => CreateSut().RunAsync(new GetCrawlerStateRequest(name, poll), CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Empty(crawler.Polled);
    }

    private GetCrawlerStateTask CreateSut() => new(crawler);
}
