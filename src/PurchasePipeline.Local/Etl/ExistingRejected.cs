using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// <c>existing_rejected</c>: the fingerprints (<c>reject_id</c>) of rejected rows already in the lake that this batch's
/// rejected rows have, so rejected_purchases leaves out a row delivered again (glue/sql/README.md). Only a batch row's
/// own fingerprint can match, so the table holds just those: the transform first computes rejected_purchases with it
/// empty, <see cref="Collect"/> then looks the batch's fingerprints up, and only when some are already in the lake is
/// rejected_purchases computed again, by the same SQL. The lookup reads the lake's fingerprint index
/// (lake/indexes/reject_ids, partitioned by a fingerprint's first hex digit, one file per run, compacted) and only the
/// partitions the batch's fingerprints fall in, so it does not read the rejected table's history.
/// </summary>
internal static class ExistingRejected
{
    /// <summary>The transform table whose fingerprints are looked up, right after it is computed.</summary>
    public const string CollectAfter = "rejected_purchases";

    /// <summary>The index partition of a fingerprint: its first hex digit.</summary>
    private const string Bucket = "substr(reject_id, 1, 1)";

    /// <summary>Defines existing_rejected empty, before the transform runs.</summary>
    public static void Define(DuckDBConnection connection) =>
        connection.Execute("CREATE TEMP TABLE existing_rejected (reject_id VARCHAR)");

    /// <summary>Fills existing_rejected with the lake's fingerprints that the batch's rejected rows have; true when there are any.</summary>
    public static bool Collect(DuckDBConnection connection, LocalHome home)
    {
        var source = IndexExists(home)
            ? IndexOf(home, connection.Query($"SELECT DISTINCT {Bucket} FROM {CollectAfter} WHERE reject_id IS NOT NULL", r => r.GetString(0)))
            : RejectedTable(home);
        if (source is null)
        {
            return false;
        }

        connection.Execute($"INSERT INTO existing_rejected SELECT DISTINCT reject_id FROM ({source}) WHERE reject_id IN (SELECT reject_id FROM {CollectAfter})");
        return connection.ScalarLong("SELECT count(*) FROM existing_rejected") > 0;
    }

    /// <summary>
    /// Stages the run's index files: the fingerprints of its rejected rows, and, for a lake that has rejected rows but no
    /// index yet (written before there was one), every fingerprint of the lake too, so from this run on the index is whole.
    /// </summary>
    public static void Write(DuckDBConnection connection, LocalHome home, string staging, string runId)
    {
        var rows = $"SELECT reject_id FROM {CollectAfter} WHERE reject_id IS NOT NULL";
        if (!IndexExists(home) && RejectedTable(home) is { } lake)
        {
            rows += $" UNION SELECT reject_id FROM ({lake}) WHERE reject_id IS NOT NULL";
        }

        var target = Path.Combine(staging, Path.GetRelativePath(home.Lake, home.RejectIds));
        Directory.CreateDirectory(target);
        connection.Execute(
            $"COPY (SELECT reject_id, {Bucket} AS bucket FROM ({rows})) TO {PathLiteral(target)} (FORMAT parquet, PARTITION_BY (bucket), FILENAME_PATTERN 'part-{runId}-{{i}}', OVERWRITE_OR_IGNORE)");
    }

    /// <summary>The index's partition folders, for compaction.</summary>
    public static IReadOnlyList<string> Partitions(LocalHome home) =>
        Directory.Exists(home.RejectIds) ? Directory.GetDirectories(home.RejectIds) : [];

    private static bool IndexExists(LocalHome home) => LakeSources.HasParquet(home.RejectIds);

    private static string? IndexOf(LocalHome home, IEnumerable<string> buckets)
    {
        var partitions = buckets.Select(b => Path.Combine(home.RejectIds, "bucket=" + b)).Where(LakeSources.HasParquet).ToList();
        return partitions.Count == 0 ? null : $"SELECT reject_id FROM ({LakeSources.Parquet(partitions)})";
    }

    /// <summary>The rejected table's fingerprints (a lake from before the index); rows from before fingerprints have none.</summary>
    private static string? RejectedTable(LocalHome home) =>
        LakeSources.HasParquet(home.RejectedPurchases)
            ? $"SELECT reject_id FROM ({TransformShapes.EmptySelect("rejected_purchases")} UNION ALL BY NAME {LakeSources.Parquet(home.RejectedPurchases)})"
            : null;
}
