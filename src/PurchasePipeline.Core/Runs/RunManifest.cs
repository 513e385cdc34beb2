using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Runs;

/// <summary>What one ETL run did, written next to its output and committed with it: its <see cref="RunRecord"/> and the objects and partitions it touched.</summary>
public sealed record RunManifest : RunRecord
{
    /// <summary>The raw objects this run read.</summary>
    [JsonPropertyName("files")]
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<ProcessedObject> Files { get; init; }

    /// <summary>Clean partitions (purchase dates) this run appended rows to, with their row counts.</summary>
    [JsonPropertyName("partitions")]
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<PartitionCount> Partitions { get; init; }

    /// <summary>
    /// The new raw objects this run could not read, each with why: they are bookmarked like the objects it read
    /// (never re-read at that etag, so they block no later run), kept where they are, and listed here. A manifest
    /// written before this field existed has none.
    /// </summary>
    [JsonPropertyName("quarantined")]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<QuarantinedObject> Quarantined { get; init; } = [];
}

/// <summary>A raw object read by a run: its key and the etag that was read.</summary>
public sealed record ProcessedObject(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("e_tag")] string ETag,
    [property: JsonPropertyName("row_count")] long RowCount);

/// <summary>A raw object a run could not read: its key, the etag it saw, and the one-line reason (row, when one is to blame).</summary>
public sealed record QuarantinedObject(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("e_tag")] string ETag,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>Rows a run wrote to one clean partition.</summary>
public sealed record PartitionCount(
    [property: JsonPropertyName("purchase_date")] DateOnly PurchaseDate,
    [property: JsonPropertyName("row_count")] long RowCount);

/// <summary>The size of a job bookmark: how many objects it holds and a digest of its content.</summary>
public sealed record BookmarkSummary(
    [property: JsonPropertyName("objects")] int Objects,
    [property: JsonPropertyName("digest")] string Digest);
