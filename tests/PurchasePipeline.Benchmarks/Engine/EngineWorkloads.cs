using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.States;
using PurchasePipeline.States.Mocks;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>The engine cases, each named by the <see cref="EngineBenchmarks"/> method that runs it, in the report's order.</summary>
internal static class EngineWorkloads
{
    /// <summary>The counter loop's N: 2 × N + 1 transitions per run.</summary>
    public const int LoopLimit = 1000;

    /// <summary>Every case; the Pass chain is as long as the pipeline's happy path (one run of it says how long).</summary>
    public static async Task<IReadOnlyList<EngineWorkload>> CreateAsync(CancellationToken cancellationToken)
    {
        var mocks = MockConfig.Parse(await File.ReadAllTextAsync(RepoFiles.MockConfig, cancellationToken).ConfigureAwait(false));
        var objectCreated = JsonNode.Parse(await File.ReadAllTextAsync(RepoFiles.ObjectCreatedEvent, cancellationToken).ConfigureAwait(false))!;
        var pipeline = EngineDefinitions.Pipeline(datasetConfigured: true);
        var happyPath = new EngineWorkload(nameof(EngineBenchmarks.PipelineHappyPath), "(b) pipeline, mock tasks (HappyPath), dataset configured", pipeline, objectCreated, Mocked(mocks, "HappyPath"), null, Pipeline: true);
        var chainLength = await happyPath.CountTransitionsAsync(cancellationToken).ConfigureAwait(false);
        var noTasks = new NoTasks();
        EngineWorkload[] workloads =
        [
            new(nameof(EngineBenchmarks.PassChoiceLoop), $"(a) Pass/Choice loop to {LoopLimit} (States.MathAdd)", EngineDefinitions.CounterLoop(LoopLimit), new JsonObject { ["count"] = 0 }, () => noTasks, null, Pipeline: false),
            new(nameof(EngineBenchmarks.PassChain), $"baseline: chain of {chainLength} Pass states", EngineDefinitions.PassChain(chainLength), objectCreated, () => noTasks, null, Pipeline: false),
            happyPath,
            new(nameof(EngineBenchmarks.PipelineNoDataset), "(b) pipeline, mock tasks (NoDatasetConfigured), no dataset", EngineDefinitions.Pipeline(datasetConfigured: false), objectCreated, Mocked(mocks, "NoDatasetConfigured"), null, Pipeline: true),
            new(nameof(EngineBenchmarks.PipelineHappyPathWithHistory), "(b) pipeline, mock tasks (HappyPath), with a history listener", pipeline, objectCreated, Mocked(mocks, "HappyPath"), new DiscardingListener(), Pipeline: true),
        ];
        return workloads;
    }

    private static Func<ITaskInvoker> Mocked(MockConfig mocks, string testCase) =>
        () => mocks.CreateInvoker(LocalSettings.StateMachineName, testCase);

    /// <summary>For definitions without Task states.</summary>
    private sealed class NoTasks : ITaskInvoker
    {
        public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"{invocation.StateName}: the synthetic definitions have no Task states");
    }

    /// <summary>A listener that keeps nothing: what the engine spends on history events, without a store's cost.</summary>
    private sealed class DiscardingListener : IExecutionListener
    {
        public void OnEvent(HistoryEvent historyEvent)
        {
        }
    }
}
