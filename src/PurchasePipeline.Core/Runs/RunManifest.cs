namespace PurchasePipeline.Core.Runs;

/// <summary>
/// What one ETL run did, written next to its output and committed with it. Row conservation holds:
/// <c>RowsIn = RowsClean + RowsRejected + RowsDeduplicated</c>.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The job run id (jr_…), also the run_id column of every row the run wrote.</summary>
    public required string RunId { get; init; }

    /// <summary>The job that ran (clean_purchases).</summary>
    public required string JobName { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run's output was committed.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Rows read from the new raw objects.</summary>
    public required long RowsIn { get; init; }

    /// <summary>Rows appended to the clean table.</summary>
    public required long RowsClean { get; init; }

    /// <summary>Rows written to rejected/ with a reason.</summary>
    public required long RowsRejected { get; init; }

    /// <summary>Valid rows dropped as duplicates (within the batch or already in the clean table).</summary>
    public required long RowsDeduplicated { get; init; }

    /// <summary>The raw objects this run read.</summary>
    public required IReadOnlyList<ProcessedObject> Files { get; init; }

    /// <summary>Clean partitions (purchase dates) this run appended rows to, with their row counts.</summary>
    public required IReadOnlyList<PartitionCount> Partitions { get; init; }

    /// <summary>Rejected rows per reason.</summary>
    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }

    /// <summary>The bookmark as it was before the run.</summary>
    public required BookmarkSummary BookmarkBefore { get; init; }

    /// <summary>The bookmark as committed with this run's output.</summary>
    public required BookmarkSummary BookmarkAfter { get; init; }
}

/// <summary>A raw object read by a run: its key and the etag that was read.</summary>
public sealed record ProcessedObject(string Key, string ETag, long RowCount);

/// <summary>Rows a run wrote to one clean partition.</summary>
public sealed record PartitionCount(DateOnly PurchaseDate, long RowCount);

/// <summary>The size of a job bookmark: how many objects it holds and a digest of its content.</summary>
public sealed record BookmarkSummary(int Objects, string Digest);
