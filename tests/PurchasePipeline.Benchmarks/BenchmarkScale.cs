namespace PurchasePipeline.Benchmarks;

/// <summary>How much data and how many repetitions one benchmark run uses.</summary>
/// <param name="Name">"full" or "quick".</param>
/// <param name="ThroughputFiles">Batch files for the throughput comparison (one day each).</param>
/// <param name="ThroughputRows">Data rows per throughput file.</param>
/// <param name="ThroughputIterations">Measured BenchmarkDotNet iterations per case (after one warm-up).</param>
/// <param name="Rounds">Interleaved rounds of (a) and (b), the ones the targets are judged on.</param>
/// <param name="PandasRuns">How many of those rounds also run the pandas script (it takes the longest).</param>
/// <param name="IncrementalFiles">Files landed one at a time in the incremental series.</param>
/// <param name="IncrementalRows">Data rows per incremental file.</param>
/// <param name="IncrementalSeries">Repetitions of the whole incremental series; medians are reported.</param>
internal sealed record BenchmarkScale(
    string Name,
    int ThroughputFiles,
    int ThroughputRows,
    int ThroughputIterations,
    int Rounds,
    int PandasRuns,
    int IncrementalFiles,
    int IncrementalRows,
    int IncrementalSeries)
{
    /// <summary>The benchmark whose figures we report: 1,000,000 rows, and 100 executions of 2,000 rows (2 series).</summary>
    public static BenchmarkScale Full { get; } = new("full", 20, 50_000, 5, 5, 3, 100, 2_000, 2);

    /// <summary>A smoke run that exercises every case in well under a minute; its figures mean little.</summary>
    public static BenchmarkScale Quick { get; } = new("quick", 2, 5_000, 2, 2, 1, 10, 200, 1);

    /// <summary>Seed of the generator, fixed so every run measures the same bytes.</summary>
    public const int Seed = 42;

    public int ThroughputRowsTotal => ThroughputFiles * ThroughputRows;
}
