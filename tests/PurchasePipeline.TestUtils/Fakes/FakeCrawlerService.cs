using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.TestUtils.Fakes;

/// <summary>A crawler whose answers a test scripts; records every call.</summary>
public sealed class FakeCrawlerService : ICrawlerService
{
    private readonly Queue<CrawlerStatus> statuses = new();

    /// <summary>Crawler names StartCrawlerAsync was called with, in order.</summary>
    public List<string> Started { get; } = [];

    /// <summary>Crawler names GetCrawlerAsync was called with, in order.</summary>
    public List<string> Polled { get; } = [];

    /// <summary>Thrown by StartCrawlerAsync when set (e.g. a CrawlerRunningException).</summary>
    public Exception? StartException { get; set; }

    /// <summary>Returned by GetCrawlerAsync once the scripted statuses are used up.</summary>
    public CrawlerStatus Status { get; set; } = new("READY", "SUCCEEDED", null);

    /// <summary>Statuses GetCrawlerAsync returns first, one per call.</summary>
    public FakeCrawlerService ThenReports(params CrawlerStatus[] next)
    {
        foreach (var status in next)
        {
            statuses.Enqueue(status);
        }

        return this;
    }

    public Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        Started.Add(crawlerName);
        return StartException is null ? Task.CompletedTask : Task.FromException(StartException);
    }

    public Task<CrawlerStatus> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        Polled.Add(crawlerName);
        return Task.FromResult(statuses.TryDequeue(out var next) ? next : Status);
    }
}
