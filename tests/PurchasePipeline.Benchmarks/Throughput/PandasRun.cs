namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>One pandas run: wall time of the whole process, and what the script reports of itself.</summary>
/// <param name="Elapsed">Wall time from process start to exit.</param>
/// <param name="CpuTime">User and system CPU time of the process (getrusage), interpreter start included.</param>
/// <param name="RowsIn">Rows read.</param>
/// <param name="RowsClean">Clean rows written.</param>
/// <param name="RowsRejected">Rejected rows written.</param>
/// <param name="RowsDeduplicated">Valid rows dropped as duplicates.</param>
/// <param name="PeakWorkingSet">Peak RSS (ru_maxrss).</param>
internal sealed record PandasRun(
    TimeSpan Elapsed,
    TimeSpan CpuTime,
    long RowsIn,
    long RowsClean,
    long RowsRejected,
    long RowsDeduplicated,
    long PeakWorkingSet);
