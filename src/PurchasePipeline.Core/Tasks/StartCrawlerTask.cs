using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>StartCrawler: starts the crawler over raw/, or joins the crawl already in progress.</summary>
/// <remarks>
/// Several executions can start at once (files land together) and share one crawler, so a running crawl is
/// not an error: the result says <c>joined</c> and the state machine polls it like its own.
/// </remarks>
public sealed class StartCrawlerTask(ICrawlerService crawler) : IPipelineTask<StartCrawlerRequest, CrawlerResult>
{
    /// <inheritdoc />
    public async Task<CrawlerResult> RunAsync(StartCrawlerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var crawlerName = TaskInput.Required(request.CrawlerName, "$.crawlerName");

        var joined = false;
        try
        {
            await crawler.StartCrawlerAsync(crawlerName, cancellationToken).ConfigureAwait(false);
        }
        catch (CrawlerRunningException)
        {
            joined = true;
        }

        return new CrawlerResult(TaskStates.CrawlerRunning, LastCrawlStatus: null, LastCrawlError: null, joined, Poll: 0);
    }
}
