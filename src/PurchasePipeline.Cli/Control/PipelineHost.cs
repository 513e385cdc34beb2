using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Sns;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Functions;
using PurchasePipeline.Local;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Trigger;
using PurchasePipeline.States;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// The local control plane, wired: the one definition with local values substituted, the task
/// functions on the local adapters, the embedded engine, the executions database and the trigger.
/// </summary>
internal sealed class PipelineHost
{
    private readonly TimeProvider time;
    private readonly ExecutionEngine engine;
    private readonly ExecutionStore store;

    public PipelineHost(LocalHome home, TimeProvider time, double waitScale, Action<string>? show)
        : this(home, time, waitScale, show, LocalPorts.Create(home, time, new ValidationRuleFiles(), ShippedGraph), LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name)))
    {
    }

    /// <summary>A host whose tasks call other ports (the AWS plane) with other settings, and alerts also go to <paramref name="alertTopic"/> when given.</summary>
    public PipelineHost(
        LocalHome home, TimeProvider time, double waitScale, Action<string>? show, TaskPorts ports, IReadOnlyDictionary<string, string> substitutions,
        SnsClient? alertTopic = null)
    {
        Home = home;
        this.time = time;
        Substitutions = substitutions;
        var functions = FunctionCatalog.All.ToDictionary(
            f => LocalSettings.FunctionArn(f.Name),
            f => (Func<Stream, CancellationToken, Task<Stream>>)f.Create(ports).InvokeAsync,
            StringComparer.Ordinal);
        Alerts = new AlertSink(home, time, show, alertTopic);
        Tasks = new LocalTaskInvoker(functions, Alerts);
        engine = new ExecutionEngine(time, new EngineOptions { WaitScale = waitScale });
        store = new ExecutionStore(home, time);
        Trigger = new LandingWatcher(home, EventPattern.Parse(ReadShipped("event-pattern.json"), Substitutions), LocalSettings.BucketName, time, store);
        Machine = StateMachine.Parse(LocalSettings.Substitute(ReadShipped("purchase-pipeline.asl.json"), Substitutions));
    }

    public LocalHome Home { get; }

    public IReadOnlyDictionary<string, string> Substitutions { get; }

    public StateMachine Machine { get; }

    public ITaskInvoker Tasks { get; }

    public AlertSink Alerts { get; }

    public LandingWatcher Trigger { get; }

    /// <summary>Who else hears each execution's history (progress, logs), besides the executions database.</summary>
    public Func<ExecutionInfo, IExecutionListener?>? Observe { get; set; }

    /// <summary>Starts an execution of the pipeline for the object under landing/ with this key, as its Object Created event would.</summary>
    /// <exception cref="ArgumentException">The rule's pattern does not match the object's event (it is not under raw/).</exception>
    public Task<ExecutionOutcome> RunForObjectAsync(string key, CancellationToken cancellationToken)
    {
        var raw = LandingZone.Describe(Home, Home.PathOf(key));
        var created = Trigger.EventFor(raw);
        if (!Trigger.Matches(created))
        {
            throw new ArgumentException($"{key}: the rule's event pattern does not match this object (raw purchase objects live under raw/)", nameof(key));
        }

        return AnnounceAsync(created, cancellationToken);
    }

    /// <summary>
    /// Delivers an Object Created event: runs its execution (recorded before it starts), then tells the trigger
    /// the object is handled. An aborted execution leaves the object to be announced again (at least once).
    /// </summary>
    public async Task<ExecutionOutcome> AnnounceAsync(JsonObject created, CancellationToken cancellationToken)
    {
        var outcome = await StartExecutionAsync(created, name: null, cancellationToken).ConfigureAwait(false);
        if (outcome.Result.Status != ExecutionStatus.Aborted)
        {
            CrashPoint.Reach(CrashPoint.TriggerRecord);
            Trigger.MarkEmitted(created);
        }

        return outcome;
    }

    /// <summary>Runs one execution with this input to its end and records it.</summary>
    public Task<ExecutionOutcome> StartExecutionAsync(JsonNode input, string? name, CancellationToken cancellationToken) =>
        StartExecutionAsync(input, name, rerunOf: null, cancellationToken);

    /// <summary>Runs one execution with this input to its end and records it, as a rerun of <paramref name="rerunOf"/> when given.</summary>
    public async Task<ExecutionOutcome> StartExecutionAsync(JsonNode input, string? name, string? rerunOf, CancellationToken cancellationToken)
    {
        name ??= time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'-", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        var info = new ExecutionInfo(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineArn, LocalSettings.StateMachineName);
        JsonNode? alert = null;
        var tasks = new AlertCapture(Tasks, a => alert = a);
        ExecutionResult result;
        using (var recorder = store.Start(info.Id, name, LocalSettings.StateMachineName, input.ToJsonString(), time.GetUtcNow(), rerunOf))
        {
            CrashPoint.Reach(CrashPoint.ExecutionRecorded);
            var listener = Observe?.Invoke(info) is { } observer ? new BothListeners(recorder, observer) : (IExecutionListener)recorder;
            result = await engine.RunAsync(Machine, input, tasks, info, listener, cancellationToken).ConfigureAwait(false);
            if (result.Status == ExecutionStatus.Aborted && result.Error is null)
            {
                result = result with { Error = ExecutionStore.StoppedError, Cause = "the purchase-pipeline process was stopped (SIGINT or SIGTERM) while the execution ran; the object is announced again when watch restarts, or rerun this execution" };
            }

            recorder.Complete(result, time.GetUtcNow());
        }

        return new ExecutionOutcome(store.Find(info.Id)!, result, alert);
    }

    /// <summary>The shipped definition's graph, as the local plane runs it (every local execution runs it): for the dashboard and <c>executions show</c>.</summary>
    public static StateGraph ShippedGraph => Shipped.Value;

    private static readonly Lazy<StateGraph> Shipped = new(() => StateGraph.Of(StateMachine.Parse(
        LocalSettings.Substitute(ReadShipped("purchase-pipeline.asl.json"), LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name))))));

    /// <summary>Reads a file of statemachine/ shipped next to the binary.</summary>
    public static string ReadShipped(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "statemachine", file));

    /// <summary>The executions database first (what is recorded does not depend on the observer), then the observer.</summary>
    private sealed class BothListeners(IExecutionListener first, IExecutionListener second) : IExecutionListener
    {
        public void OnEvent(HistoryEvent historyEvent)
        {
            first.OnEvent(historyEvent);
            second.OnEvent(historyEvent);
        }
    }

    /// <summary>Keeps the alert message of an execution for its summary line.</summary>
    private sealed class AlertCapture(ITaskInvoker inner, Action<JsonNode?> capture) : ITaskInvoker
    {
        public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            if (invocation.Resource == LocalTaskInvoker.SnsPublish && (string?)invocation.Parameters?["Message"] is { } message)
            {
                capture(JsonNode.Parse(message));
            }

            return inner.InvokeAsync(invocation, cancellationToken);
        }
    }
}
