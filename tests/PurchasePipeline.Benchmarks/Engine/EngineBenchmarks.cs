using BenchmarkDotNet.Attributes;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// The engine alone: (a) a long Pass/Choice loop, (b) the pipeline's definition on the mock config's
/// tasks, and the baseline, a Pass chain as long as the happy path. <see cref="PerTransitionCases"/> sets
/// each case's OperationsPerInvoke to the transitions of its run, so every figure is per state transition.
/// </summary>
/// <remarks>Methods are named as the cases BenchmarkDotNet's summary lists, without the Async suffix.</remarks>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private Dictionary<string, EngineWorkload> workloads = null!;

    [GlobalSetup]
    public async Task CreateWorkloadsAsync() =>
        workloads = (await EngineWorkloads.CreateAsync(CancellationToken.None)).ToDictionary(w => w.Method, StringComparer.Ordinal);

    [Benchmark]
    public Task<ExecutionResult> PassChoiceLoop() => Run(nameof(PassChoiceLoop));

    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> PassChain() => Run(nameof(PassChain));

    [Benchmark]
    public Task<ExecutionResult> PipelineHappyPath() => Run(nameof(PipelineHappyPath));

    [Benchmark]
    public Task<ExecutionResult> PipelineNoDataset() => Run(nameof(PipelineNoDataset));

    [Benchmark]
    public Task<ExecutionResult> PipelineHappyPathWithHistory() => Run(nameof(PipelineHappyPathWithHistory));

    private Task<ExecutionResult> Run(string method) => workloads[method].RunAsync(CancellationToken.None);
}
