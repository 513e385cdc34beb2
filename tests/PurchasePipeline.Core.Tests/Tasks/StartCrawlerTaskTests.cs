using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class StartCrawlerTaskTests
{
    private readonly FakeCrawlerService crawler = new();

    [Fact]
    public async Task RunAsync_CrawlerIdle_StartsItAndReportsRunning()
    {
        var result = await CreateSut().RunAsync(new StartCrawlerRequest("raw-crawler"), CancellationToken.None);

        Assert.Equal(["raw-crawler"], crawler.Started);
        Assert.Equal(new CrawlerResult("RUNNING", null, null, Joined: false, Poll: 0), result);
    }

    [Fact]
    public async Task RunAsync_CrawlerAlreadyRunning_JoinsTheCrawlInsteadOfFailing()
    {
        crawler.StartException = new CrawlerRunningException("raw-crawler");

        var result = await CreateSut().RunAsync(new StartCrawlerRequest("raw-crawler"), CancellationToken.None);

        Assert.Equal(new CrawlerResult("RUNNING", null, null, Joined: true, Poll: 0), result);
    }

    [Fact]
    public async Task RunAsync_Throttled_PropagatesForTheStatesRetry()
    {
        crawler.StartException = new ThrottlingException("Rate exceeded");

        await Assert.ThrowsAsync<ThrottlingException>(() => CreateSut().RunAsync(new StartCrawlerRequest("raw-crawler"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task RunAsync_NoCrawlerName_ThrowsInvalidTaskInputNamingTheField(string? name)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(() => CreateSut().RunAsync(new StartCrawlerRequest(name), CancellationToken.None));

        Assert.Equal("$.crawlerName", error.Field);
        Assert.Equal("InvalidTaskInputException", error.ErrorName);
        Assert.Empty(crawler.Started);
    }

    private StartCrawlerTask CreateSut() => new(crawler);
}
