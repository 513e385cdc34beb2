using System.Globalization;

namespace PurchasePipeline.Benchmarks.Memory;

/// <summary>
/// --keep: a run of some batch sizes replaces those sizes in results/memory.json and keeps the batches an earlier
/// run measured at other sizes (a 20M-row batch takes most of an hour on a loaded machine), saying when they were
/// measured. Only batches of the same memory limit and rows per file are kept.
/// </summary>
internal static class KeptResults
{
    public static MemoryResults Merge(MemoryResults earlier, MemoryResults now, IReadOnlyList<int> sizesRun)
    {
        if (earlier.MemoryLimit != now.MemoryLimit || earlier.RowsPerFile != now.RowsPerFile)
        {
            return now;
        }

        var kept = MemoryReport.Batches(earlier.Samples)
            .Where(batch => !sizesRun.Contains((int)(batch[0].RowsIn / now.RowsPerFile)))
            .ToList();
        if (kept.Count == 0)
        {
            return now;
        }

        var rows = string.Join(", ", kept.Select(b => b[0].RowsIn.ToString("N0", CultureInfo.InvariantCulture)));
        var measured = earlier.Environment[(earlier.Environment.LastIndexOf("measured ", StringComparison.Ordinal) + "measured ".Length)..];
        return now with
        {
            Environment = $"{now.Environment}; the batches of {rows} rows kept from an earlier run (--keep), measured {measured.Split(';')[0]}",
            Samples = [.. kept.SelectMany(b => b), .. now.Samples],
        };
    }
}
