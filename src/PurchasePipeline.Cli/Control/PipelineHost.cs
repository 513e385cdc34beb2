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
        Alerts = new AlertSink(home, time, show, alertTopic, substitutions.TryGetValue("AlertTopicArn", out var topicArn) ? topicArn : Local.Alerts.AlertFolder.TopicArn);
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
        using var recorder = store.Start(info.Id, name, LocalSettings.StateMachineName, input.ToJsonString(), time.GetUtcNow(), rerunOf);
        CrashPoint.Reach(CrashPoint.ExecutionRecorded);
        return await RunToEndAsync(info, recorder, listener => engine.RunAsync(Machine, input, Tasks, info, listener, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Redrives an execution that failed, timed out or was aborted (RedriveExecution): the same execution, from
    /// the state that did not finish, with the same input; the states that succeeded do not run again.
    /// </summary>
    /// <exception cref="ExecutionNotRedrivableException">RedriveExecution's rules refuse it; the message says why.</exception>
    public async Task<ExecutionOutcome> RedriveExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var (recorder, from) = store.Redrive(execution, time.GetUtcNow(), history => RedrivePoint.Of(Machine, history));
        using (recorder)
        {
            var info = new ExecutionInfo(execution.ExecutionId, execution.Name, LocalSettings.StateMachineArn, LocalSettings.StateMachineName);
            var input = JsonNode.Parse(execution.Input);
            return await RunToEndAsync(info, recorder, listener => engine.RedriveAsync(Machine, input, from, Tasks, info, listener, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the engine with the recorder (and the observer) listening, stores the outcome and, when the alert rule
    /// pages for that end (FAILED, TIMED_OUT, ABORTED), publishes its message once.
    /// </summary>
    private async Task<ExecutionOutcome> RunToEndAsync(ExecutionInfo info, ExecutionRecorder recorder, Func<IExecutionListener, Task<ExecutionResult>> runAsync)
    {
        var listener = Observe?.Invoke(info) is { } observer ? new BothListeners(recorder, observer) : (IExecutionListener)recorder;
        var result = await runAsync(listener).ConfigureAwait(false);
        if (result.Status == ExecutionStatus.Aborted && result.Error is null)
        {
            result = result with { Error = ExecutionStore.StoppedError, Cause = "the purchase-pipeline process was stopped (SIGINT or SIGTERM) while the execution ran; the object is announced again when watch restarts, or redrive or rerun this execution" };
        }

        ExecutionRecord record;
        ExecutionPath path;
        using (store.Hold())
        {
            recorder.Complete(result, time.GetUtcNow());
            record = store.Find(info.Id)!;
            path = store.PathOf(record);
        }

        var message = Local.Alerts.ExecutionAlert.MessageFor(record);
        if (message is not null)
        {
            // The page must not be lost to a stop: the execution already ended.
            await Alerts.PublishMessageAsync(message, CancellationToken.None).ConfigureAwait(false);
        }

        return new ExecutionOutcome(record, result, message is null ? null : JsonNode.Parse(message), path.FailedState);
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
}
