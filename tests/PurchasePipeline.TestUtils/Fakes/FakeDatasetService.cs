using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.TestUtils.Fakes;

/// <summary>
/// A dataset that keeps its ingestions in memory, like QuickSight: describing an unknown ingestion throws
/// EntityNotFoundException, creating one twice throws (QuickSight's ResourceExistsException).
/// </summary>
public sealed class FakeDatasetService : IDatasetService
{
    private readonly Dictionary<(string DatasetId, string IngestionId), IngestionStatus> ingestions = [];

    /// <summary>(datasetId, ingestionId) of every CreateIngestionAsync call, in order.</summary>
    public List<(string DatasetId, string IngestionId)> Created { get; } = [];

    /// <summary>(datasetId, ingestionId) of every DescribeIngestionAsync call, in order.</summary>
    public List<(string DatasetId, string IngestionId)> Described { get; } = [];

    /// <summary>Thrown by CreateIngestionAsync when set.</summary>
    public Exception? CreateException { get; set; }

    /// <summary>Sets what DescribeIngestionAsync reports for an ingestion (and so makes it exist).</summary>
    public FakeDatasetService SetIngestion(string datasetId, string ingestionId, string state, string? errorMessage = null)
    {
        ingestions[(datasetId, ingestionId)] = new IngestionStatus(ingestionId, state, errorMessage);
        return this;
    }

    public Task CreateIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken)
    {
        Created.Add((datasetId, ingestionId));
        if (CreateException is not null)
        {
            return Task.FromException(CreateException);
        }

        if (!ingestions.TryAdd((datasetId, ingestionId), new IngestionStatus(ingestionId, "INITIALIZED", null)))
        {
            return Task.FromException(new InvalidOperationException($"ingestion {ingestionId} of {datasetId} already exists"));
        }

        return Task.CompletedTask;
    }

    public Task<IngestionStatus> DescribeIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken)
    {
        Described.Add((datasetId, ingestionId));
        return ingestions.TryGetValue((datasetId, ingestionId), out var status)
            ? Task.FromResult(status)
            : Task.FromException<IngestionStatus>(new EntityNotFoundException($"ingestion {ingestionId} of dataset {datasetId} not found"));
    }
}
