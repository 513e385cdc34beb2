using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Runs;

/// <summary>
/// What one ETL run did, written next to its output and committed with it. Row conservation holds:
/// <c>RowsIn = RowsClean + RowsRejected + RowsDeduplicated</c>. Its JSON names are fixed here (snake_case), so
/// the manifest reads the same in its file, in a task's result and in the Glue job's output.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The job run id (jr_…), also the run_id column of every row the run wrote.</summary>
    [JsonPropertyName("run_id")]
    public required string RunId { get; init; }

    /// <summary>The job that ran (clean_purchases).</summary>
    [JsonPropertyName("job_name")]
    public required string JobName { get; init; }

    /// <summary>When the run started.</summary>
    [JsonPropertyName("started_at")]
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run's output was committed.</summary>
    [JsonPropertyName("completed_at")]
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Rows read from the new raw objects.</summary>
    [JsonPropertyName("rows_in")]
    public required long RowsIn { get; init; }

    /// <summary>Rows appended to the clean table.</summary>
    [JsonPropertyName("rows_clean")]
    public required long RowsClean { get; init; }

    /// <summary>Rows written to rejected/ with a reason.</summary>
    [JsonPropertyName("rows_rejected")]
    public required long RowsRejected { get; init; }

    /// <summary>Valid rows dropped as duplicates (within the batch or already in the clean table).</summary>
    [JsonPropertyName("rows_deduplicated")]
    public required long RowsDeduplicated { get; init; }

    /// <summary>The raw objects this run read.</summary>
    [JsonPropertyName("files")]
    public required IReadOnlyList<ProcessedObject> Files { get; init; }

    /// <summary>Clean partitions (purchase dates) this run appended rows to, with their row counts.</summary>
    [JsonPropertyName("partitions")]
    public required IReadOnlyList<PartitionCount> Partitions { get; init; }

    /// <summary>Rejected rows per reason.</summary>
    [JsonPropertyName("rejected_by_reason")]
    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }

    /// <summary>The bookmark as it was before the run.</summary>
    [JsonPropertyName("bookmark_before")]
    public required BookmarkSummary BookmarkBefore { get; init; }

    /// <summary>The bookmark as committed with this run's output.</summary>
    [JsonPropertyName("bookmark_after")]
    public required BookmarkSummary BookmarkAfter { get; init; }
}

/// <summary>A raw object read by a run: its key and the etag that was read.</summary>
public sealed record ProcessedObject(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("e_tag")] string ETag,
    [property: JsonPropertyName("row_count")] long RowCount);

/// <summary>Rows a run wrote to one clean partition.</summary>
public sealed record PartitionCount(
    [property: JsonPropertyName("purchase_date")] DateOnly PurchaseDate,
    [property: JsonPropertyName("row_count")] long RowCount);

/// <summary>The size of a job bookmark: how many objects it holds and a digest of its content.</summary>
public sealed record BookmarkSummary(
    [property: JsonPropertyName("objects")] int Objects,
    [property: JsonPropertyName("digest")] string Digest);
