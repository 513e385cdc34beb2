using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Keeps the clean table from degrading into many small files: every run appends a file to each partition it
/// writes, so a partition that reaches <see cref="FilesToCompact"/> files is rewritten as one. The new file is
/// written aside (lake/_compaction) and swapped in with the partition's directory in one rename
/// (<see cref="DirectorySwap"/>): readers, and a crash at any point, see the old files or the new one, never both.
/// Runs inside the job, which holds the job lock, so no run appends to a partition while it is compacted.
/// </summary>
internal sealed class PartitionCompactor(LocalHome home)
{
    /// <summary>How many files a partition may hold before it is compacted.</summary>
    public int FilesToCompact { get; init; } = 8;

    /// <summary>Where a crash test stops the compaction (<see cref="CrashPoint.Reach"/> in production).</summary>
    internal Action<string> Reach { get; init; } = CrashPoint.Reach;

    private string Aside => Path.Combine(home.Lake, "_compaction");

    /// <summary>Deletes what an interrupted compaction left aside: a new file not swapped in, or old files swapped out.</summary>
    public void Recover()
    {
        if (Directory.Exists(Aside))
        {
            Directory.Delete(Aside, recursive: true);
        }
    }

    /// <summary>Compacts those of the partitions (directories of clean/) that hold too many files; returns them.</summary>
    /// <param name="partitions">The partition directories to look at.</param>
    /// <param name="runId">The run whose name the compacted file takes.</param>
    /// <param name="memory">The job's memory limit: a partition can hold a month's rows; null: the configured limit.</param>
    public IReadOnlyList<string> Compact(IEnumerable<string> partitions, string runId, DuckMemory? memory = null)
    {
        var compacted = new List<string>();
        foreach (var partition in partitions)
        {
            var files = Directory.Exists(partition) ? Directory.GetFiles(partition, "*.parquet") : [];
            if (files.Length < FilesToCompact)
            {
                continue;
            }

            var next = Path.Combine(Aside, Path.GetFileName(partition));
            Directory.CreateDirectory(next);
            using (var connection = (memory ?? new DuckMemory(home)).Open())
            {
                // hive_partitioning off: the files hold no partition column, and the compacted one must not gain it.
                connection.Execute($"""
                    COPY (SELECT * FROM read_parquet([{string.Join(", ", files.Order(StringComparer.Ordinal).Select(PathLiteral))}], hive_partitioning = false, union_by_name = true))
                    TO {PathLiteral(Path.Combine(next, $"part-{runId}-compacted.parquet"))} (FORMAT parquet)
                    """);
            }

            Reach(CrashPoint.CompactionWritten);
            if (!DirectorySwap.TryExchange(partition, next))
            {
                continue;
            }

            Reach(CrashPoint.CompactionSwapped);
            compacted.Add(partition);
        }

        Recover();
        return compacted;
    }
}
