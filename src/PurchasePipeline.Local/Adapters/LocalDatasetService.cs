using System.Collections.Concurrent;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// QuickSight on the local plane: an ingestion republishes dashboard/index.html from the lake. Ingestion
/// ids are idempotent, as in QuickSight: creating one that exists does not refresh twice.
/// The dashboard draws <paramref name="machine"/> (when given) with the last finished execution's path.
/// </summary>
public sealed class LocalDatasetService(LocalHome home, TimeProvider time, StateGraph? machine = null) : IDatasetService
{
    /// <summary>The dataset id the local plane configures, so the refresh branch of the state machine runs locally too.</summary>
    public const string DashboardDatasetId = "local-dashboard";

    private readonly ConcurrentDictionary<string, IngestionStatus> ingestions = new(StringComparer.Ordinal);

    public async Task CreateIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken)
    {
        if (datasetId != DashboardDatasetId)
        {
            throw new EntityNotFoundException($"no dataset {datasetId} (the local plane has {DashboardDatasetId})");
        }

        if (ingestions.ContainsKey(ingestionId))
        {
            return;
        }

        try
        {
            await DashboardPublisher.PublishAsync(home, time, machine, cancellationToken).ConfigureAwait(false);
            ingestions[ingestionId] = new IngestionStatus(ingestionId, "COMPLETED", null);
        }
        catch (Exception e) when (e is IOException or DuckDB.NET.Data.DuckDBException or InvalidDataException or Duck.MemoryLimitExceededException)
        {
            ingestions[ingestionId] = new IngestionStatus(ingestionId, "FAILED", e.Message.Split('\n')[0]);
        }
    }

    public Task<IngestionStatus> DescribeIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken) =>
        ingestions.TryGetValue(ingestionId, out var status)
            ? Task.FromResult(status)
            : throw new EntityNotFoundException($"dataset {datasetId} has no ingestion {ingestionId}");
}
