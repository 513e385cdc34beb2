using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// What every state of one execution shares: the clock, the options, the task invoker, the listener
/// (called one event at a time, even from concurrent branches) and the state-transition count.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly IExecutionListener? listener;
    private readonly Lock listenerLock = new();
    private int transitions;

    public ExecutionRun(TimeProvider time, EngineOptions options, ITaskInvoker tasks, ExecutionInfo info, IExecutionListener? listener, JsonNode? input)
    {
        Time = time;
        Options = options;
        Tasks = tasks;
        Info = info;
        this.listener = listener;
        ExecutionInput = input;
        StartedAt = time.GetUtcNow();
    }

    public TimeProvider Time { get; }

    public EngineOptions Options { get; }

    public ITaskInvoker Tasks { get; }

    public ExecutionInfo Info { get; }

    /// <summary>The execution's input ($$.Execution.Input).</summary>
    public JsonNode? ExecutionInput { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>
    /// State transitions so far, as https://aws.amazon.com/step-functions/pricing/ counts them ("each time a
    /// step of your workflow is executed ... including retries"): one per state entered, including the
    /// states of Parallel branches and Map iterations, and one per retry.
    /// </summary>
    public int Transitions => Volatile.Read(ref transitions);

    public void CountTransition() => Interlocked.Increment(ref transitions);

    /// <summary>Reports a history event, stamped with the current time.</summary>
    public void Emit(HistoryEventType type, string? stateName, JsonNode? payload = null, string? error = null, string? cause = null)
    {
        if (listener is null)
        {
            return;
        }

        var historyEvent = new HistoryEvent(type, Time.GetUtcNow(), stateName, JsonValues.Copy(payload), error, cause);
        lock (listenerLock)
        {
            listener.OnEvent(historyEvent);
        }
    }

    /// <summary>Waits a Wait or Retry delay, scaled by <see cref="EngineOptions.WaitScale"/>.</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var scaled = delay * Math.Max(0, Options.WaitScale);
        return scaled <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(scaled, Time, cancellationToken);
    }

    /// <summary>The context object ($$) as a state sees it.</summary>
    public JsonObject Context(StateVisit visit, string? taskToken = null, JsonObject? mapItem = null)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = Info.Id,
                ["Input"] = JsonValues.Copy(ExecutionInput),
                ["Name"] = Info.Name,
                ["RoleArn"] = Info.RoleArn,
                ["StartTime"] = Timestamps.Format(StartedAt),
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Timestamps.Format(visit.EnteredTime),
                ["Name"] = visit.Name,
                ["RetryCount"] = visit.RetryCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = Info.StateMachineId,
                ["Name"] = Info.StateMachineName,
            },
        };
        if (taskToken is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = taskToken };
        }

        if (mapItem is not null)
        {
            context["Map"] = new JsonObject { ["Item"] = mapItem };
        }

        return context;
    }
}

/// <summary>One entry into a state: its name, when it was entered and how many retries it has made.</summary>
internal sealed record StateVisit(string Name, DateTimeOffset EnteredTime, int RetryCount);
