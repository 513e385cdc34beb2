namespace PurchasePipeline.Core.Tasks;

/// <summary>The StartCrawler state's parameters.</summary>
/// <param name="CrawlerName">The Glue crawler over raw/ (required).</param>
public sealed record StartCrawlerRequest(string? CrawlerName);
