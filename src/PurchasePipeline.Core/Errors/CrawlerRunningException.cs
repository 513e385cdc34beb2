namespace PurchasePipeline.Core.Errors;

/// <summary>The crawler is already crawling (Glue CrawlerRunningException); callers join that crawl.</summary>
public sealed class CrawlerRunningException : PipelineException
{
    /// <param name="crawlerName">The busy crawler.</param>
    /// <param name="detail">What the service said, e.g. its request id, for the cause.</param>
    public CrawlerRunningException(string crawlerName, string? detail = null)
        : base($"crawler {crawlerName} is already running" + (detail is null ? string.Empty : $" ({detail})"))
    {
    }
}
