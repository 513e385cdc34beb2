using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// One execution an engine case repeats: a parsed definition, its input, a task invoker made fresh for
/// each execution and an optional listener. Waits are instant (WaitScale 0) on the system clock, so
/// TimeoutSeconds still arm (and cancel) real timers, as in a local run.
/// </summary>
/// <param name="Method">The benchmark method that runs it (<see cref="EngineBenchmarks"/>).</param>
/// <param name="Label">The case as the report names it.</param>
/// <param name="Machine">The definition.</param>
/// <param name="Input">The execution input; the engine copies it, so runs can share it.</param>
/// <param name="CreateTasks">A new invoker per execution: the mock config counts invocations per execution id.</param>
/// <param name="Listener">Hears the history events, or null (none: no payload is copied for history).</param>
/// <param name="Pipeline">The pipeline's definition, so the transitions-per-run target applies too.</param>
internal sealed record EngineWorkload(string Method, string Label, StateMachine Machine, JsonNode Input, Func<ITaskInvoker> CreateTasks, IExecutionListener? Listener, bool Pipeline)
{
    private static readonly ExecutionEngine Engine = new(TimeProvider.System, new EngineOptions { WaitScale = 0 });

    private static readonly ExecutionInfo Info = new(
        LocalSettings.ExecutionArn("engine-benchmark"), "engine-benchmark", LocalSettings.StateMachineArn, LocalSettings.StateMachineName);

    public Task<ExecutionResult> RunAsync(CancellationToken cancellationToken) =>
        Engine.RunAsync(Machine, Input, CreateTasks(), Info, Listener, cancellationToken);

    /// <summary>Runs once and returns the transitions of the run, which must succeed.</summary>
    public async Task<int> CountTransitionsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken).ConfigureAwait(false);
        return result.Status == ExecutionStatus.Succeeded
            ? result.StateTransitions
            : throw new InvalidOperationException($"{Label}: the execution ended {result.Status} ({result.Error}: {result.Cause})");
    }
}
