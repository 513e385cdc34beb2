using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>
/// Several incremental series summarised: the median over series of each run's time, the last run
/// against the first, and, steadier, the median of the last ten runs against the first ten.
/// </summary>
internal sealed class IncrementalResult
{
    private readonly IReadOnlyList<IReadOnlyList<RunSample>> series;

    public IncrementalResult(IReadOnlyList<IReadOnlyList<RunSample>> series)
    {
        if (series.Count == 0 || series.Any(s => s.Count != series[0].Count || s.Count == 0))
        {
            throw new ArgumentException("every series must hold the same, non-zero number of runs", nameof(series));
        }

        this.series = series;
    }

    public int Runs => series[0].Count;

    public int Repetitions => series.Count;

    /// <summary>Runs per window for the first-versus-last comparison.</summary>
    public int Window => Math.Max(1, Math.Min(10, Runs / 4));

    /// <summary>Median over series of the time of run <paramref name="run"/> (1-based).</summary>
    public TimeSpan MedianOf(int run) => Statistics.Median(series.Select(s => s[run - 1].Elapsed));

    /// <summary>Median over series of the CPU time of run <paramref name="run"/> (1-based).</summary>
    public TimeSpan CpuMedianOf(int run) => Statistics.Median(series.Select(s => s[run - 1].CpuTime));

    public TimeSpan First => MedianOf(1);

    public TimeSpan Last => MedianOf(Runs);

    public double LastOverFirst => Last / First;

    /// <summary>CPU time of the last run against the first: the same comparison, less sensitive to other work on the machine.</summary>
    public double CpuLastOverFirst => CpuMedianOf(Runs) / CpuMedianOf(1);

    public TimeSpan FirstWindow => Statistics.Median(series.SelectMany(s => s.Take(Window)).Select(m => m.Elapsed));

    public TimeSpan LastWindow => Statistics.Median(series.SelectMany(s => s.TakeLast(Window)).Select(m => m.Elapsed));

    public double LastWindowOverFirstWindow => LastWindow / FirstWindow;

    /// <summary>Median managed allocation of the first and of the last run.</summary>
    public (long First, long Last) Allocated => (
        Statistics.Median(series.Select(s => s[0].AllocatedBytes)),
        Statistics.Median(series.Select(s => s[^1].AllocatedBytes)));

    /// <summary>A few run numbers spread over the series, for a trend line: 1, ~10%, 25%, 50%, 75%, last.</summary>
    public IReadOnlyList<int> Checkpoints =>
        [.. new[] { 1, Runs / 10, Runs / 4, Runs / 2, Runs * 3 / 4, Runs }.Where(r => r >= 1).Distinct().Order()];
}
