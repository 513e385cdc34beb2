using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Local.Tests.Contracts;

/// <summary>The crawler contract on the local plane (DuckDB over an empty landing zone).</summary>
public sealed class LocalCrawlerServiceContractTests : CrawlerServiceContract, IDisposable
{
    private readonly TempDirectory temp = new();

    protected override string CrawlerName => "purchases-raw";

    public void Dispose() => temp.Dispose();

    protected override ICrawlerService CreateSut() => new LocalCrawlerService(new LocalHome(temp.Path));
}
