namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>One `purchase-pipeline run FILE` as its user waits for it: the whole process, and where its time went.</summary>
/// <param name="Elapsed">Wall time from starting the process to its exit.</param>
/// <param name="CpuTime">CPU time of the process (every thread, DuckDB's included).</param>
/// <param name="Phases">Wall time per phase (<see cref="CliExecution.PhaseNames"/>), from the execution's JSON log.</param>
internal sealed record ExecutionSample(TimeSpan Elapsed, TimeSpan CpuTime, IReadOnlyDictionary<string, TimeSpan> Phases);
