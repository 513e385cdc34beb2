using PurchasePipeline.Local.Duck;
using PurchasePipeline.States;

namespace PurchasePipeline.Local.Executions;

/// <summary>
/// Redrive of a stored execution, with the rules of RedriveExecution
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html): only an
/// execution that ended FAILED, TIMED_OUT or ABORTED, within 14 days of its end, fewer than 24,999 history
/// events, at most 1000 redrives (Step Functions' quota), and the same execution id, input and history.
/// </summary>
public sealed partial class ExecutionStore
{
    /// <summary>The redrivable period after an execution ends.</summary>
    public static readonly TimeSpan RedrivablePeriod = TimeSpan.FromDays(14);

    /// <summary>Redrives per execution (Step Functions quota "Maximum number of redrives").</summary>
    public const int MaxRedrives = 1000;

    /// <summary>A redrive needs room for its ExecutionRedriven event and one more in the 25,000-event history.</summary>
    public const int MaxHistoryEventsToRedrive = 24_999;

    /// <summary>
    /// Marks the execution RUNNING again for its next redrive (redrive count + 1, redrive date now, this process
    /// its owner) and returns where it continues (<paramref name="pointOf"/> its history so far) with a recorder
    /// that appends the redrive's events to that history.
    /// </summary>
    /// <exception cref="ExecutionNotRedrivableException">The execution cannot be redriven: the message says why, in one line.</exception>
    public (ExecutionRecorder Recorder, RedrivePoint From) Redrive(ExecutionRecord execution, DateTimeOffset now, Func<IReadOnlyList<HistoryEvent>, RedrivePoint?> pointOf)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(pointOf);
        var history = Events(execution.ExecutionId);
        if (WhyNotRedrivable(execution, history.Count, now) is { } reason)
        {
            throw new ExecutionNotRedrivableException($"{execution.Name}: cannot be redriven: {reason}");
        }

        var events = history.Select(e => new HistoryEvent(
            Enum.Parse<HistoryEventType>(e.Type), e.Timestamp, e.StateName, e.Payload is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.Payload), e.Error, e.Cause)).ToList();
        var from = pointOf(events)
            ?? throw new ExecutionNotRedrivableException($"{execution.Name}: cannot be redriven: its history enters no state it did not finish (start a new execution with rerun)");

        var owner = ExecutionOwner.Current;
        using (var connection = Open())
        {
            var claimed = connection.Query(
                $"""
                UPDATE executions SET status = 'RUNNING', stopped_at = NULL, output = NULL, error = NULL, cause = NULL,
                    redrive_count = coalesce(redrive_count, 0) + 1, redrive_date = {Timestamp(now)},
                    owner_pid = {owner.ProcessId}, owner_started_at = {Timestamp(owner.ProcessStartedAt)}
                WHERE execution_id = $1 AND status = $2 RETURNING execution_id
                """,
                r => r.GetString(0),
                execution.ExecutionId,
                execution.Status);
            if (claimed.Count != 1)
            {
                throw new ExecutionNotRedrivableException($"{execution.Name}: cannot be redriven: another process redrove or closed it meanwhile");
            }
        }

        return (new ExecutionRecorder(Open, execution.ExecutionId, history[^1].Sequence, execution.StateTransitions), from);
    }

    /// <summary>Why RedriveExecution would refuse the execution now, or null when it would redrive it.</summary>
    public static string? WhyNotRedrivable(ExecutionRecord execution, int historyEvents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return execution.Status switch
        {
            "RUNNING" => "Execution is RUNNING and cannot be redriven (wait for it to end)",
            "SUCCEEDED" => "Execution is SUCCEEDED and cannot be redriven (start a new execution with rerun)",
            _ when execution.StoppedAt is { } stopped && now - stopped > RedrivablePeriod =>
                $"Execution redrivable period exceeded (it ended {stopped.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, more than 14 days ago; start a new execution with rerun)",
            _ when execution.RedriveCount >= MaxRedrives => $"Execution was redriven the maximum {MaxRedrives} times (start a new execution with rerun)",
            _ when historyEvents >= MaxHistoryEventsToRedrive => "Execution history event limit exceeded (start a new execution with rerun)",
            _ when historyEvents == 0 => "its history was not recorded (the process that ran it ended first), so the state to continue from is unknown (start a new execution with rerun)",
            _ => null,
        };
    }
}
