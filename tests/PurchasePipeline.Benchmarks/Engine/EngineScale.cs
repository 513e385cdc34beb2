namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>How long the engine benchmark measures each case.</summary>
/// <param name="Name">"full" or "quick".</param>
/// <param name="WarmupCount">BenchmarkDotNet warm-up iterations of each engine case.</param>
/// <param name="IterationCount">Measured BenchmarkDotNet iterations of each engine case.</param>
/// <param name="IterationMilliseconds">Target length of one engine iteration (BenchmarkDotNet picks the invocations to fill it).</param>
/// <param name="LocalRunIterations">Measured whole local runs (one per iteration, after one warm-up).</param>
/// <param name="LocalRunRows">Data rows of the generated file the local runs process.</param>
/// <param name="BreakdownRuns">Timed local runs of the stopwatch breakdown, per definition variant (after one warm-up).</param>
internal sealed record EngineScale(
    string Name,
    int WarmupCount,
    int IterationCount,
    int IterationMilliseconds,
    int LocalRunIterations,
    int LocalRunRows,
    int BreakdownRuns)
{
    /// <summary>The figures we report.</summary>
    public static EngineScale Full { get; } = new("full", 5, 15, 250, 10, 1_000, 5);

    /// <summary>A smoke run of every case; its figures mean little.</summary>
    public static EngineScale Quick { get; } = new("quick", 1, 3, 100, 2, 200, 1);
}
