using PurchasePipeline.Core.Ports;
using Xunit;

namespace PurchasePipeline.TestUtils.Contracts;

/// <summary>What every <see cref="ICrawlerService"/> must do, run against each plane's adapter.</summary>
public abstract class CrawlerServiceContract
{
    private static readonly string[] CrawlerStates = ["READY", "RUNNING", "STOPPING"];
    private static readonly string?[] CrawlStatuses = [null, "SUCCEEDED", "CANCELLED", "FAILED"];

    /// <summary>A crawler the adapter under test knows.</summary>
    protected abstract string CrawlerName { get; }

    protected abstract ICrawlerService CreateSut();

    [Fact]
    public async Task GetCrawler_BeforeAnyStart_ReportsAKnownState()
    {
        var status = await CreateSut().GetCrawlerAsync(CrawlerName, CancellationToken.None);
        Assert.Contains(status.State, CrawlerStates);
        Assert.Contains(status.LastCrawlStatus, CrawlStatuses);
    }

    [Fact]
    public async Task StartCrawler_ThenGetCrawler_ReportsAKnownStateAndOutcome()
    {
        var sut = CreateSut();
        await sut.StartCrawlerAsync(CrawlerName, CancellationToken.None);

        var status = await sut.GetCrawlerAsync(CrawlerName, CancellationToken.None);

        Assert.Contains(status.State, CrawlerStates);
        Assert.Contains(status.LastCrawlStatus, CrawlStatuses);
    }

    [Fact]
    public async Task StartCrawler_OnAFreshCrawler_EndsInACrawlThatSucceeded()
    {
        // Regression: the contract used to pass for a StartCrawler that did nothing. A fresh crawler has
        // no last crawl; once started, it runs and goes back to READY with the crawl's outcome.
        var sut = CreateSut();
        Assert.Null((await sut.GetCrawlerAsync(CrawlerName, CancellationToken.None)).LastCrawlStatus);

        await sut.StartCrawlerAsync(CrawlerName, CancellationToken.None);
        var status = await PollUntilReadyAsync(sut);

        Assert.Equal(("READY", "SUCCEEDED", (string?)null), (status.State, status.LastCrawlStatus, status.LastCrawlError));
    }

    /// <summary>GetCrawler until READY, as the state machine polls; a crawl that never ends fails the test instead of hanging it.</summary>
    private async Task<CrawlerStatus> PollUntilReadyAsync(ICrawlerService sut)
    {
        const int MaxPolls = 10;
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var status = await sut.GetCrawlerAsync(CrawlerName, CancellationToken.None);
            if (status.State == "READY")
            {
                return status;
            }
        }

        throw new Xunit.Sdk.XunitException($"the crawler was not READY after {MaxPolls} polls");
    }
}
