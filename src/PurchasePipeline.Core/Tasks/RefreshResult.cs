namespace PurchasePipeline.Core.Tasks;

/// <summary>What RefreshDataset and GetRefreshStatus store at <c>$.refresh</c>.</summary>
/// <param name="IngestionId">The ingestion; handed back on every poll.</param>
/// <param name="State">QuickSight's IngestionStatus: INITIALIZED, QUEUED, RUNNING, COMPLETED, FAILED or CANCELLED.</param>
/// <param name="ErrorMessage">Why the ingestion failed (never null once it ended unsuccessfully), or null.</param>
/// <param name="Poll">0 from RefreshDataset; the request's poll from GetRefreshStatus.</param>
public sealed record RefreshResult(string IngestionId, string State, string? ErrorMessage, int Poll);
