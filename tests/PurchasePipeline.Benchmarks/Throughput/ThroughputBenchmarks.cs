using PurchasePipeline.Functions;
using BenchmarkDotNet.Attributes;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>
/// Our job (a) against raw DuckDB on the same SQL (b, the baseline), on the same generated files. Each
/// iteration is one full run over every file: the setup empties the case's output first, so the job's
/// bookmark never turns a run into a no-op. Runs with the in-process toolchain; <see cref="Workspace"/>
/// is set by <see cref="Program"/> before BenchmarkDotNet starts.
/// </summary>
public class ThroughputBenchmarks
{
    internal static BenchmarkWorkspace? Workspace { get; set; }

    private BenchmarkWorkspace workspace = null!;

    [GlobalSetup]
    public void FindWorkspace() =>
        workspace = Workspace ?? throw new InvalidOperationException("ThroughputBenchmarks.Workspace is not set; run the benchmarks through Program.");

    [IterationSetup(Target = nameof(LocalJob))]
    public void ResetLocalJob() => workspace.ResetLocalJob();

    [IterationSetup(Target = nameof(RawDuckDb))]
    public void ResetRawDuckDb() => workspace.ResetRawDuckDb();

    [Benchmark]
    public RunManifest LocalJob() => new LocalEtlJob(new LocalHome(workspace.Throughput.Root), TimeProvider.System, new ValidationRuleFiles()).Run();

    [Benchmark(Baseline = true)]
    public void RawDuckDb() => RawDuckDbBaseline.Run(workspace.Throughput, workspace.RawDuckDbOutput);
}
