using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>
/// BenchmarkDotNet settings for runs that take seconds: the Monitoring strategy (one invocation per
/// iteration, no pilot or overhead stage), one warm-up, then <see cref="BenchmarkScale.ThroughputIterations"/>
/// measured runs of each case, side by side with the raw DuckDB baseline's ratio.
/// </summary>
/// <remarks>
/// In-process: the cases share the generated files with the rest of the run, and building a separate
/// benchmark process would take a large part of the smoke run's minute on two cores. The work measured
/// is almost all DuckDB's native code, which the host process does not change.
/// </remarks>
internal static class ThroughputConfig
{
    public static IConfig Create(BenchmarkScale scale, string artifactsPath)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(scale.ThroughputIterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId(scale.Name);
        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .HideColumns(Column.Error)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
