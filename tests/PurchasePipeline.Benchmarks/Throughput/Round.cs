using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>One round of the interleaved measurement: each case run once, back to back.</summary>
/// <param name="Ours">Run of (a).</param>
/// <param name="RawDuckDb">Run of (b).</param>
/// <param name="Pandas">Run of (c), or null in rounds without it.</param>
internal sealed record Round(RunSample Ours, RunSample RawDuckDb, PandasRun? Pandas);
