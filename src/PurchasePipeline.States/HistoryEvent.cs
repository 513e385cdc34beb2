using System.Text.Json.Nodes;

namespace PurchasePipeline.States;

/// <summary>The kinds of history events the engine reports (a subset of Step Functions' history event types).</summary>
public enum HistoryEventType
{
    ExecutionStarted,

    /// <summary>A failed, timed-out or aborted execution was redriven: the events after it are the redrive's (Step Functions' ExecutionRedriven).</summary>
    ExecutionRedriven,
    StateEntered,
    StateExited,
    TaskScheduled,
    TaskSucceeded,
    TaskFailed,
    WaitStarted,
    ExecutionSucceeded,
    ExecutionFailed,
    ExecutionTimedOut,
    ExecutionAborted,
}

/// <summary>One event in an execution's history.</summary>
/// <param name="Type">What happened.</param>
/// <param name="Timestamp">When (from the engine's TimeProvider).</param>
/// <param name="StateName">The state, for state and task events.</param>
/// <param name="Payload">The state's input (entered), output (exited), the task's parameters or result.</param>
/// <param name="Error">The error name, for failures.</param>
/// <param name="Cause">The cause, for failures.</param>
public sealed record HistoryEvent(HistoryEventType Type, DateTimeOffset Timestamp, string? StateName, JsonNode? Payload, string? Error, string? Cause);
