using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Local.Tests.Contracts;

/// <summary>The query contract on the local plane (DuckDB over an empty lake).</summary>
public sealed class LocalQueryServiceContractTests : QueryServiceContract, IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    protected override IQueryService CreateSut() => new LocalQueryService(new LocalHome(temp.Path));
}
