namespace PurchasePipeline.Core.Tasks;

/// <summary>The RefreshDataset state's parameters.</summary>
/// <param name="DatasetId">The QuickSight dataset (required; the ASL skips the refresh when none is configured).</param>
/// <param name="JobRunId">The job run whose output is refreshed (required); the ingestion id derives from it.</param>
public sealed record RefreshDatasetRequest(string? DatasetId, string? JobRunId);
