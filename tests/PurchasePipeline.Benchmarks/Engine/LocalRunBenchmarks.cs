using BenchmarkDotNet.Attributes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// (c) The pipeline with the real local handlers: PipelineHost.RunForObjectAsync on one generated file,
/// as `purchase-pipeline run` does (event, engine, task functions on the local adapters, executions
/// database). One run per iteration; the setup resets the job so each run processes the file.
/// <see cref="Workspace"/> is set by <see cref="EngineBenchmarkRun"/> before BenchmarkDotNet starts.
/// </summary>
[MemoryDiagnoser]
public class LocalRunBenchmarks
{
    internal static LocalRunWorkspace? Workspace { get; set; }

    private LocalRunWorkspace workspace = null!;
    private PipelineHost host = null!;

    [GlobalSetup]
    public void CreateHost()
    {
        workspace = Workspace ?? throw new InvalidOperationException("LocalRunBenchmarks.Workspace is not set; run the benchmark through `-- engine`.");
        host = workspace.CreateHost();
    }

    [IterationSetup]
    public void ResetJob() => workspace.ResetJob();

    [Benchmark]
    public async Task<ExecutionResult> LocalRun()
    {
        var outcome = await host.RunForObjectAsync(workspace.Key, CancellationToken.None);
        return outcome.Succeeded ? outcome.Result : throw new InvalidOperationException($"the local run ended {outcome.Result.Status}: {outcome.CauseLine}");
    }
}
