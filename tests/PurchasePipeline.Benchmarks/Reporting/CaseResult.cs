namespace PurchasePipeline.Benchmarks.Reporting;

/// <summary>One throughput case as reported: its median time over the same input, and what it used.</summary>
/// <param name="Name">The row label, e.g. "(a) ours: LocalEtlJob.Run".</param>
/// <param name="Median">Median wall time of one run over all files.</param>
/// <param name="Runs">How many measured runs the median is over.</param>
/// <param name="CpuTime">Median CPU time of a run, every thread of the process.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per run, or null where it does not apply (another process).</param>
/// <param name="PeakWorkingSet">Peak resident set of a run, or null when it could not be measured.</param>
/// <param name="RowsClean">Clean rows the case wrote.</param>
/// <param name="RowsRejected">Rejected rows the case wrote.</param>
internal sealed record CaseResult(
    string Name,
    TimeSpan Median,
    int Runs,
    TimeSpan CpuTime,
    long? AllocatedBytes,
    long? PeakWorkingSet,
    long RowsClean,
    long RowsRejected)
{
    public double RowsPerSecond(long rows) => rows / Median.TotalSeconds;
}
