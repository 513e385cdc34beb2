using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Runs;

/// <summary>
/// A run manifest without its per-object and per-partition lists: what GetJobRun puts at <c>$.job.manifest</c>.
/// Its size does not grow with the number of objects a run read, so a reset-bookmark rerun over thousands
/// of raw objects stays far below Step Functions' 256 KiB payload limit (States.DataLimitExceeded). The
/// whole manifest stays where the run committed it (manifests/{run_id}.json).
/// </summary>
public sealed record RunManifestSummary
{
    [JsonPropertyName("run_id")]
    public required string RunId { get; init; }

    [JsonPropertyName("job_name")]
    public required string JobName { get; init; }

    [JsonPropertyName("started_at")]
    public required DateTimeOffset StartedAt { get; init; }

    [JsonPropertyName("completed_at")]
    public required DateTimeOffset CompletedAt { get; init; }

    [JsonPropertyName("rows_in")]
    public required long RowsIn { get; init; }

    [JsonPropertyName("rows_clean")]
    public required long RowsClean { get; init; }

    [JsonPropertyName("rows_rejected")]
    public required long RowsRejected { get; init; }

    [JsonPropertyName("rows_deduplicated")]
    public required long RowsDeduplicated { get; init; }

    /// <summary>How many raw objects the run read (the manifest's files).</summary>
    [JsonPropertyName("file_count")]
    public required int FileCount { get; init; }

    /// <summary>How many clean partitions the run appended to (the manifest's partitions).</summary>
    [JsonPropertyName("partition_count")]
    public required int PartitionCount { get; init; }

    /// <summary>Rejected rows per reason (one entry per RejectReason at most).</summary>
    [JsonPropertyName("rejected_by_reason")]
    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }

    [JsonPropertyName("bookmark_before")]
    public required BookmarkSummary BookmarkBefore { get; init; }

    [JsonPropertyName("bookmark_after")]
    public required BookmarkSummary BookmarkAfter { get; init; }

    /// <summary>The summary of a committed manifest.</summary>
    public static RunManifestSummary Of(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new RunManifestSummary
        {
            RunId = manifest.RunId,
            JobName = manifest.JobName,
            StartedAt = manifest.StartedAt,
            CompletedAt = manifest.CompletedAt,
            RowsIn = manifest.RowsIn,
            RowsClean = manifest.RowsClean,
            RowsRejected = manifest.RowsRejected,
            RowsDeduplicated = manifest.RowsDeduplicated,
            FileCount = manifest.Files.Count,
            PartitionCount = manifest.Partitions.Count,
            RejectedByReason = manifest.RejectedByReason,
            BookmarkBefore = manifest.BookmarkBefore,
            BookmarkAfter = manifest.BookmarkAfter,
        };
    }
}
