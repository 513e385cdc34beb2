using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>GetCrawlerState: reads the crawler's state and how its last crawl ended.</summary>
public sealed class GetCrawlerStateTask(ICrawlerService crawler) : IPipelineTask<GetCrawlerStateRequest, CrawlerResult>
{
    /// <inheritdoc />
    public async Task<CrawlerResult> RunAsync(GetCrawlerStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var crawlerName = TaskInput.Required(request.CrawlerName, "$.crawlerName");
        var poll = TaskInput.Required(request.Poll, "$.poll");

        var status = await crawler.GetCrawlerAsync(crawlerName, cancellationToken).ConfigureAwait(false);
        return new CrawlerResult(status.State, status.LastCrawlStatus, status.LastCrawlError, Joined: null, poll);
    }
}
