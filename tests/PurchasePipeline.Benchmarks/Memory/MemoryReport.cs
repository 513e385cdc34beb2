using System.Globalization;
using System.Text;

namespace PurchasePipeline.Benchmarks.Memory;

/// <summary>results/memory.md: one row per batch size and case, and the job's ratios to the other cases.</summary>
internal static class MemoryReport
{
    public static string Render(MemoryResults results, int pandasMax)
    {
        var text = new StringBuilder();
        text.AppendLine("# Memory benchmark: peak RSS and time against batch size");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{results.Environment}. DuckDB memory limit {results.MemoryLimit} for (a) and (b). A batch is N generated files landed at once and read by one run.");
        text.AppendLine();
        text.AppendLine("| rows | case | wall s | CPU s | peak RSS MB | clean | rejected | load avg (before → after) |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        var batches = Batches(results.Samples);
        foreach (var batch in batches)
        {
            foreach (var sample in batch)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {batch[0].RowsIn:N0} | {Name(sample.Case)} | {sample.WallSeconds:0.0} | {sample.CpuSeconds:0.0} | {sample.PeakRssBytes / 1e6:N0} | {sample.Clean:N0} | {sample.Rejected:N0} | {sample.LoadBefore:0.0} → {sample.LoadAfter:0.0} |");
            }
        }

        text.AppendLine();
        text.AppendLine("Speed of (a) against the others (their time over the job's; above 1: the job is faster):");
        text.AppendLine();
        text.AppendLine("| rows | (b) DuckDB / (a), wall | (b) / (a), CPU | (c) pandas / (a), wall | (c) / (a), CPU |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var batch in batches)
        {
            var job = batch[0];
            string Ratio(string name, Func<MemorySample, double> of) =>
                batch.FirstOrDefault(s => s.Case == name) is { } other ? (of(other) / of(job)).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "not run";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {job.RowsIn:N0} | {Ratio(MemoryCase.PlainDuckDb, s => s.WallSeconds)} | {Ratio(MemoryCase.PlainDuckDb, s => s.CpuSeconds)} | {Ratio("pandas", s => s.WallSeconds)} | {Ratio("pandas", s => s.CpuSeconds)} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- (a) `LocalEtlJob.Run` in a child process; (b) RawDuckDbBaseline (the job's read of the raw objects, glue/sql, the same Parquet; no audit) with the same memory limit and spill folder, in a child process; peak RSS is the child's VmHWM, CPU its user + system time (runtime start and JIT included). Wall time is inside the process (no process start).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- (c) pandas runs only up to {pandasMax} file(s): it holds the batch in memory (about 2 GB per million rows), so bigger batches would take 10 GB and more of a machine shared with other work. Its time includes the interpreter's start; it writes CSV (no pyarrow).");
        text.AppendLine("- Counts: (b) and (c) must write the job's clean and rejected rows, or the run fails.");
        return text.ToString();
    }

    /// <summary>
    /// The samples grouped by batch, the job's first (the child runs them in that order), smallest batch first
    /// (--sizes may run the biggest first, so a run cut short has measured it).
    /// </summary>
    public static List<List<MemorySample>> Batches(IReadOnlyList<MemorySample> samples)
    {
        var batches = new List<List<MemorySample>>();
        foreach (var sample in samples)
        {
            if (sample.Case == MemoryCase.Job)
            {
                batches.Add([]);
            }

            batches[^1].Add(sample);
        }

        return [.. batches.OrderBy(b => b[0].RowsIn)];
    }

    private static string Name(string sampleCase) => sampleCase switch
    {
        MemoryCase.Job => "(a) the job",
        MemoryCase.PlainDuckDb => "(b) plain DuckDB",
        _ => "(c) pandas",
    };
}
