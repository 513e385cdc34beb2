using PurchasePipeline.Core.Errors;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Adapters;

/// <summary>
/// One crawler per home, whichever process crawls: `run` and `watch` are separate processes, and an execution
/// of one joins a crawl of the other (as executions share Glue's crawler) instead of failing on the catalog's lock.
/// The lock a crawl holds is taken here the way another process takes it (its own open of the lock file).
/// </summary>
public sealed class LocalCrawlerServiceTests : IDisposable
{
    private const string Crawler = "purchase-pipeline-raw";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalCrawlerService CreateSut() => new(new LocalHome(temp.Path)) { WaitForCrawl = TimeSpan.Zero };

    [Fact]
    public async Task StartCrawler_WhileAnotherProcessCrawls_ThrowsCrawlerRunningAndGetCrawlerSaysRunningUntilItEnds()
    {
        // Regression (issue 9, finding 6): each process knew only its own crawls, so three `run`s crawled at once and
        // two failed on catalog.duckdb's lock ("finished its last crawl with status FAILED").
        var sut = CreateSut();
        var other = FileLock.TryAcquire(sut.LockPath)!;

        await Assert.ThrowsAsync<CrawlerRunningException>(() => sut.StartCrawlerAsync(Crawler, CancellationToken.None));
        var during = await sut.GetCrawlerAsync(Crawler, CancellationToken.None);
        other.Dispose();
        await sut.StartCrawlerAsync(Crawler, CancellationToken.None);
        var after = await CreateSut().GetCrawlerAsync(Crawler, CancellationToken.None);

        Assert.Equal("RUNNING", during.State);
        Assert.Equal(("READY", "SUCCEEDED"), (after.State, after.LastCrawlStatus));
    }

    [Fact]
    public async Task GetCrawler_WhileAnotherProcessCrawls_WaitsForTheCrawlToEnd()
    {
        // Regression: the local Wait states are scaled to nothing, so 60 polls ended in CrawlerTimeout within a
        // fraction of a second while another process's crawl was still running.
        // The poll runs on this thread while the lock is certainly held (it could lie when the poll started late, after
        // the release: it passed without waiting); the other process ends its crawl a while later.
        var sut = new LocalCrawlerService(new LocalHome(temp.Path));
        await sut.StartCrawlerAsync(Crawler, CancellationToken.None);
        var other = FileLock.TryAcquire(sut.LockPath)!;
        var crawlEnds = OtherProcess.ReleaseLaterAsync(other);

        var status = await sut.GetCrawlerAsync(Crawler, CancellationToken.None);

        await crawlEnds;
        Assert.Equal(("READY", "SUCCEEDED"), (status.State, status.LastCrawlStatus));
    }

    [Fact]
    public async Task GetCrawler_ACrawlWhoseProcessDied_IsAFailedCrawlNamingTheCause()
    {
        var sut = CreateSut();
        await sut.StartCrawlerAsync(Crawler, CancellationToken.None);
        // What a crawl killed mid-way leaves: its state says RUNNING, and the kernel released its lock.
        File.WriteAllText(sut.StatePath, File.ReadAllText(sut.StatePath).Replace("\"READY\"", "\"RUNNING\"", StringComparison.Ordinal));

        var status = await CreateSut().GetCrawlerAsync(Crawler, CancellationToken.None);

        Assert.Equal(("READY", "FAILED"), (status.State, status.LastCrawlStatus));
        Assert.Contains("killed or crashed", status.LastCrawlError, StringComparison.Ordinal);
    }
}
