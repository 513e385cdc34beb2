namespace PurchasePipeline.Core.Ports;

/// <summary>The Glue crawler that catalogs raw/ (AWS: Glue StartCrawler/GetCrawler; local: DuckDB).</summary>
/// <remarks>
/// <see cref="StartCrawlerAsync"/> throws <see cref="Errors.CrawlerRunningException"/> when a crawl is in
/// progress (the caller joins it). Transient service errors surface as
/// <see cref="Errors.ThrottlingException"/>; the state machine retries, adapters do not loop forever.
/// </remarks>
public interface ICrawlerService
{
    Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken);

    Task<CrawlerStatus> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken);
}

/// <summary>A crawler's state (READY, RUNNING, STOPPING) and how its last crawl ended (SUCCEEDED, CANCELLED, FAILED, or null before the first).</summary>
public sealed record CrawlerStatus(string State, string? LastCrawlStatus, string? LastCrawlError);
