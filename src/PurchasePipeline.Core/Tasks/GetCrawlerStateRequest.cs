namespace PurchasePipeline.Core.Tasks;

/// <summary>The GetCrawlerState state's parameters.</summary>
/// <param name="CrawlerName">The Glue crawler (required).</param>
/// <param name="Poll">This poll's number, echoed into the result (required).</param>
public sealed record GetCrawlerStateRequest(string? CrawlerName, int? Poll);
