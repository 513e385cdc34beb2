using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Crawler;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// The crawler port on the local plane. A crawl runs to the end inside StartCrawler (it takes
/// milliseconds), so the next GetCrawler sees READY with the crawl's outcome; a start while another
/// thread crawls is refused with CrawlerRunningException, as Glue does.
/// </summary>
public sealed class LocalCrawlerService(LocalHome home) : ICrawlerService
{
    private readonly Lock gate = new();
    private bool running;
    private CrawlerStatus last = new("READY", null, null);

    /// <summary>The last crawl's result, for progress display.</summary>
    public CrawlResult? LastResult { get; private set; }

    public Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (running)
            {
                throw new CrawlerRunningException(crawlerName);
            }

            running = true;
            last = last with { State = "RUNNING" };
        }

        try
        {
            LastResult = new LocalCrawler(home).Crawl();
            Finish("SUCCEEDED", null);
        }
        catch (Exception e) when (e is IOException or DuckDB.NET.Data.DuckDBException)
        {
            Finish("FAILED", e.Message.Split('\n')[0]);
        }

        return Task.CompletedTask;
    }

    public Task<CrawlerStatus> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(last);
        }
    }

    private void Finish(string status, string? error)
    {
        lock (gate)
        {
            running = false;
            last = new CrawlerStatus("READY", status, error);
        }
    }
}
