using System.Diagnostics;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// A stopwatch breakdown of local runs: what PipelineHost.StartExecutionAsync does (the object's event,
/// the executions database, the engine on the host's task functions), with the task calls and the
/// database's work timed apart, so the engine's share is what remains.
/// </summary>
internal static class LocalRunBreakdown
{
    private static readonly ExecutionEngine Engine = new(TimeProvider.System, new EngineOptions { WaitScale = 0 });

    /// <summary>
    /// One run, timed like the others; as the process's first execution it shows what a one-file
    /// `purchase-pipeline run` pays once: the JIT of the engine, the handlers and the database driver.
    /// </summary>
    public static Task<LocalRunSample> FirstRunAsync(LocalRunWorkspace workspace, StateMachine machine, CancellationToken cancellationToken)
    {
        workspace.ResetJob();
        return RunOnceAsync(workspace.CreateHost(), new ExecutionStore(workspace.Home), machine, workspace.Key, 0, cancellationToken);
    }

    /// <summary>One untimed warm-up run, then <paramref name="runs"/> timed ones, each after a job reset.</summary>
    public static async Task<IReadOnlyList<LocalRunSample>> MeasureAsync(LocalRunWorkspace workspace, StateMachine machine, int runs, CancellationToken cancellationToken)
    {
        var host = workspace.CreateHost();
        var store = new ExecutionStore(workspace.Home);
        var samples = new List<LocalRunSample>();
        for (var i = 0; i <= runs; i++)
        {
            workspace.ResetJob();
            var sample = await RunOnceAsync(host, store, machine, workspace.Key, i, cancellationToken).ConfigureAwait(false);
            if (i > 0)
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    private static async Task<LocalRunSample> RunOnceAsync(PipelineHost host, ExecutionStore store, StateMachine machine, string key, int run, CancellationToken cancellationToken)
    {
        var created = host.Trigger.EventFor(LandingZone.Describe(host.Home, host.Home.PathOf(key)));
        var name = "breakdown-" + Guid.NewGuid().ToString("N")[..8] + "-" + run.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var info = new ExecutionInfo(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineArn, LocalSettings.StateMachineName);
        var tasks = new TimedInvoker(host.Tasks);
        var database = new DatabaseTime();
        var start = Stopwatch.GetTimestamp();
        var paused = GC.GetTotalPauseDuration();
        var recorder = database.Time(() => store.Start(info.Id, name, LocalSettings.StateMachineName, created.ToJsonString(), TimeProvider.System.GetUtcNow()));
        var listener = new TimedListener(recorder);
        ExecutionResult result;
        try
        {
            result = await Engine.RunAsync(machine, created, tasks, info, listener, cancellationToken).ConfigureAwait(false);
            database.Time(() => recorder.Complete(result, TimeProvider.System.GetUtcNow()));
        }
        finally
        {
            database.Time(recorder.Dispose);
        }

        database.Time(() => store.Find(info.Id));
        var total = Stopwatch.GetElapsedTime(start);
        var gcPauses = GC.GetTotalPauseDuration() - paused;
        return result.Status == ExecutionStatus.Succeeded
            ? new LocalRunSample(
                total,
                tasks.Total,
                database.Elapsed + listener.Elapsed,
                listener.Events,
                tasks.ByState,
                result.StateTransitions,
                gcPauses,
                tasks.GcPauses + database.GcPauses + listener.GcPauses)
            : throw new InvalidOperationException($"breakdown run ended {result.Status} ({result.Error}: {result.Cause})");
    }

    /// <summary>Time spent in the executions database outside the listener, and the GC pauses within it.</summary>
    private sealed class DatabaseTime
    {
        public TimeSpan Elapsed { get; private set; }

        public TimeSpan GcPauses { get; private set; }

        public T Time<T>(Func<T> call)
        {
            var start = Stopwatch.GetTimestamp();
            var paused = GC.GetTotalPauseDuration();
            try
            {
                return call();
            }
            finally
            {
                Elapsed += Stopwatch.GetElapsedTime(start);
                GcPauses += GC.GetTotalPauseDuration() - paused;
            }
        }

        public void Time(Action call) => Time(() =>
        {
            call();
            return true;
        });
    }
}
