using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>
/// Several incremental series summarised: the median of the first ten executions against the median of the last
/// ten (over every series), in wall time, CPU time and per phase, and the median of a few runs for a trend line.
/// </summary>
internal sealed class IncrementalResult
{
    private readonly IReadOnlyList<IReadOnlyList<ExecutionSample>> series;

    public IncrementalResult(IReadOnlyList<IReadOnlyList<ExecutionSample>> series)
    {
        if (series.Count == 0 || series.Any(s => s.Count != series[0].Count || s.Count == 0))
        {
            throw new ArgumentException("every series must hold the same, non-zero number of runs", nameof(series));
        }

        this.series = series;
    }

    public int Runs => series[0].Count;

    public int Repetitions => series.Count;

    /// <summary>Runs per window for the first-versus-last comparison: 10 of 100.</summary>
    public int Window => Math.Max(1, Math.Min(10, Runs / 4));

    /// <summary>Median over series of run <paramref name="run"/> (1-based).</summary>
    public TimeSpan MedianOf(int run, Func<ExecutionSample, TimeSpan> figure) => Statistics.Median(series.Select(s => figure(s[run - 1])));

    /// <summary>Median of the first <see cref="Window"/> runs of every series.</summary>
    public TimeSpan FirstWindow(Func<ExecutionSample, TimeSpan> figure) => Statistics.Median(series.SelectMany(s => s.Take(Window)).Select(figure));

    /// <summary>Median of the last <see cref="Window"/> runs of every series.</summary>
    public TimeSpan LastWindow(Func<ExecutionSample, TimeSpan> figure) => Statistics.Median(series.SelectMany(s => s.TakeLast(Window)).Select(figure));

    /// <summary>Last window over first window: the figure the target is judged on.</summary>
    public double Growth(Func<ExecutionSample, TimeSpan> figure) => LastWindow(figure) / FirstWindow(figure);

    public static TimeSpan Wall(ExecutionSample sample) => sample.Elapsed;

    public static TimeSpan Cpu(ExecutionSample sample) => sample.CpuTime;

    public static Func<ExecutionSample, TimeSpan> Phase(string name) => sample => sample.Phases[name];

    /// <summary>A few run numbers spread over the series, for a trend line: 1, ~10%, 25%, 50%, 75%, last.</summary>
    public IReadOnlyList<int> Checkpoints =>
        [.. new[] { 1, Runs / 10, Runs / 4, Runs / 2, Runs * 3 / 4, Runs }.Where(r => r >= 1).Distinct().Order()];
}
