using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using Xunit;

namespace PurchasePipeline.TestUtils.Contracts;

/// <summary>
/// What every <see cref="IDatasetService"/> must do, run against each plane's adapter (local: the HTML
/// dashboard; AWS: QuickSight behind a fake endpoint). RefreshDatasetTask relies on all of it.
/// </summary>
public abstract class DatasetServiceContract
{
    private static readonly string[] IngestionStates = ["INITIALIZED", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

    /// <summary>A dataset the adapter under test knows.</summary>
    protected abstract string DatasetId { get; }

    protected abstract IDatasetService CreateSut();

    [Fact]
    public async Task DescribeIngestion_UnknownIngestion_ThrowsEntityNotFound()
    {
        var sut = CreateSut();
        await Assert.ThrowsAsync<EntityNotFoundException>(() => sut.DescribeIngestionAsync(DatasetId, "pp-never-created", CancellationToken.None));
    }

    [Fact]
    public async Task CreateIngestion_ThenDescribe_ReportsThatIngestionInAKnownState()
    {
        var sut = CreateSut();
        await sut.CreateIngestionAsync(DatasetId, "pp-jr_1", CancellationToken.None);

        var status = await sut.DescribeIngestionAsync(DatasetId, "pp-jr_1", CancellationToken.None);

        Assert.Equal("pp-jr_1", status.IngestionId);
        Assert.Contains(status.State, IngestionStates);
    }

    [Fact]
    public async Task CreateIngestion_SameIdTwice_IsNotAnError()
    {
        var sut = CreateSut();
        await sut.CreateIngestionAsync(DatasetId, "pp-jr_2", CancellationToken.None);
        await sut.CreateIngestionAsync(DatasetId, "pp-jr_2", CancellationToken.None);
        Assert.Contains((await sut.DescribeIngestionAsync(DatasetId, "pp-jr_2", CancellationToken.None)).State, IngestionStates);
    }
}
