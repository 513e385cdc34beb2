namespace PurchasePipeline.Core.Ports;

/// <summary>The analysts' dataset (AWS: QuickSight CreateIngestion/DescribeIngestion; local: the HTML dashboard).</summary>
public interface IDatasetService
{
    /// <summary>Starts a refresh (ingestion) with the given id.</summary>
    Task CreateIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken);

    Task<IngestionStatus> DescribeIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken);
}

/// <summary>An ingestion's status (INITIALIZED, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED) and error message.</summary>
public sealed record IngestionStatus(string IngestionId, string State, string? ErrorMessage);
