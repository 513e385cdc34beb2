using BenchmarkDotNet.Reports;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>One case as reported: BenchmarkDotNet's median time and its managed allocation, per run.</summary>
/// <param name="Label">The row label.</param>
/// <param name="Transitions">State transitions of one run, from its ExecutionResult.</param>
/// <param name="NanosecondsPerRun">Median time of one run.</param>
/// <param name="BytesPerRun">Managed bytes allocated per run (DuckDB's native memory not included).</param>
/// <param name="Pipeline">A run of the pipeline's definition, so the transitions-per-run target applies too.</param>
internal sealed record EngineCaseResult(string Label, int Transitions, double NanosecondsPerRun, double BytesPerRun, bool Pipeline)
{
    public double NanosecondsPerTransition => NanosecondsPerRun / Transitions;

    public double BytesPerTransition => BytesPerRun / Transitions;

    /// <summary>An engine case, measured per transition (its OperationsPerInvoke is its transitions).</summary>
    public static EngineCaseResult From(Summary summary, EngineWorkload workload, int transitions) =>
        From(summary, workload.Method, workload.Label, transitions, operationsPerRun: transitions, workload.Pipeline);

    /// <summary>
    /// A case of <paramref name="summary"/>; <paramref name="operationsPerRun"/> is the case's
    /// OperationsPerInvoke (its transitions for the per-transition cases, 1 for whole runs).
    /// </summary>
    public static EngineCaseResult From(Summary summary, string method, string label, int transitions, int operationsPerRun, bool pipeline)
    {
        var report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        var statistics = report.ResultStatistics ?? throw new InvalidOperationException($"BenchmarkDotNet has no statistics for {method}");
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)
            ?? throw new InvalidOperationException($"BenchmarkDotNet measured no allocation for {method}");
        return new EngineCaseResult(label, transitions, statistics.Median * operationsPerRun, (double)bytes * operationsPerRun, pipeline);
    }
}
