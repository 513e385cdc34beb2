namespace PurchasePipeline.Core.Errors;

/// <summary>The crawler is already crawling (Glue CrawlerRunningException); callers join that crawl.</summary>
public sealed class CrawlerRunningException : PipelineException
{
    public CrawlerRunningException(string crawlerName)
        : base($"crawler {crawlerName} is already running")
    {
    }
}
