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
}
