namespace PurchasePipeline.Local.Executions;

/// <summary>One execution as the console lists it.</summary>
public sealed record ExecutionRecord(
    string ExecutionId,
    string Name,
    string StateMachine,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt,
    string Input,
    string? Output,
    string? Error,
    string? Cause,
    int StateTransitions)
{
    /// <summary>How long it ran (so far, for a running one: until its last stop).</summary>
    public TimeSpan? Duration => StoppedAt - StartedAt;
}

/// <summary>One history event of an execution, in order.</summary>
public sealed record ExecutionEventRecord(int Sequence, string Type, DateTimeOffset Timestamp, string? StateName, string? Payload, string? Error, string? Cause);
