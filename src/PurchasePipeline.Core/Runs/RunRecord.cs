using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Runs;

/// <summary>
/// What every account of an ETL run states, whole (<see cref="RunManifest"/>) or summed up
/// (<see cref="RunManifestSummary"/>): which run, when, and its row counts. Row conservation holds:
/// <c>RowsIn = RowsClean + RowsRejected + RowsDeduplicated</c>. The JSON names are fixed here (snake_case), so
/// the manifest reads the same in its file, in a task's result and in the Glue job's output; these come
/// first in the JSON, what a derived record adds comes after them (JsonPropertyOrder 1).
/// </summary>
public abstract record RunRecord
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

    /// <summary>
    /// Rows not stored because they were stored already: valid rows whose purchase_id, and rejected rows whose
    /// reject_id (raw text), is in the lake or earlier in the batch (a re-delivered object, a bookmark reset).
    /// </summary>
    [JsonPropertyName("rows_deduplicated")]
    public required long RowsDeduplicated { get; init; }

    /// <summary>Rejected rows per reason (one entry per RejectReason at most).</summary>
    [JsonPropertyName("rejected_by_reason")]
    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }

    /// <summary>The bookmark as it was before the run.</summary>
    [JsonPropertyName("bookmark_before")]
    public required BookmarkSummary BookmarkBefore { get; init; }

    /// <summary>The bookmark as committed with this run's output.</summary>
    [JsonPropertyName("bookmark_after")]
    public required BookmarkSummary BookmarkAfter { get; init; }
}
