using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// BenchmarkDotNet settings: in-process (as the other benchmarks here: no second build on two cores, and
/// the engine runs in the process that hosts it in the CLI too), with BenchmarkDotNet's pilot choosing how
/// many executions fill an iteration for the engine cases, and one whole run per iteration for (c).
/// </summary>
internal static class EngineConfig
{
    public static IConfig EngineCases(EngineScale scale, string artifactsPath) => Common(
        Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(scale.WarmupCount)
            .WithIterationCount(scale.IterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(scale.IterationMilliseconds))
            .WithId("engine-" + scale.Name),
        artifactsPath);

    public static IConfig LocalRun(EngineScale scale, string artifactsPath) => Common(
        Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(scale.LocalRunIterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("local-run-" + scale.Name),
        artifactsPath);

    private static ManualConfig Common(Job job, string artifactsPath) => DefaultConfig.Instance
        .AddJob(job)
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
        .WithArtifactsPath(artifactsPath);
}
