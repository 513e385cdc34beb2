namespace PurchasePipeline.Core.Tasks;

/// <summary>What StartCrawler and GetCrawlerState store at <c>$.crawler</c>.</summary>
/// <param name="State">READY, RUNNING or STOPPING.</param>
/// <param name="LastCrawlStatus">SUCCEEDED, CANCELLED or FAILED; null before the first crawl and after a start.</param>
/// <param name="LastCrawlError">The last crawl's error message, or null.</param>
/// <param name="Joined">StartCrawler: true when a crawl was already running and was joined. Null from GetCrawlerState, which cannot know.</param>
/// <param name="Poll">0 from StartCrawler; the request's poll from GetCrawlerState.</param>
public sealed record CrawlerResult(string State, string? LastCrawlStatus, string? LastCrawlError, bool? Joined, int Poll);
