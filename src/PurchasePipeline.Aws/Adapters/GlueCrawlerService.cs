using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>The crawler port on Glue: StartCrawler (CrawlerRunningException when one runs) and GetCrawler.</summary>
public sealed class GlueCrawlerService : ICrawlerService
{
    private readonly GlueClient glue;

    internal GlueCrawlerService(GlueClient glue) => this.glue = glue;

    public Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken) =>
        glue.StartCrawlerAsync(crawlerName, cancellationToken);

    public async Task<CrawlerStatus> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken)
    {
        var crawler = await glue.GetCrawlerAsync(crawlerName, cancellationToken).ConfigureAwait(false);
        return new CrawlerStatus(crawler.State!, crawler.LastCrawl?.Status, crawler.LastCrawl?.ErrorMessage);
    }
}
