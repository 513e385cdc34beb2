using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Local.Tests.Contracts;

/// <summary>The dataset contract on the local plane (the dashboard publisher over an empty lake).</summary>
public sealed class LocalDatasetServiceContractTests : DatasetServiceContract, IDisposable
{
    private readonly TempDirectory temp = new();

    protected override string DatasetId => LocalDatasetService.DashboardDatasetId;

    public void Dispose() => temp.Dispose();

    protected override IDatasetService CreateSut() => new LocalDatasetService(new LocalHome(temp.Path), TimeProvider.System);
}
