namespace PurchasePipeline.Core.Tasks;

/// <summary>The GetRefreshStatus state's parameters.</summary>
/// <param name="DatasetId">The QuickSight dataset (required).</param>
/// <param name="IngestionId">The ingestion RefreshDataset started (required).</param>
/// <param name="Poll">This poll's number, echoed into the result (required).</param>
public sealed record GetRefreshStatusRequest(string? DatasetId, string? IngestionId, int? Poll);
