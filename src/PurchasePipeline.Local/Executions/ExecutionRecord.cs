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

    /// <summary>The execution this one reruns (started by <c>rerun</c>), or null.</summary>
    public string? RerunOf { get; init; }

    /// <summary>How many times it was redriven (<c>rerun --redrive</c>; DescribeExecution's redriveCount).</summary>
    public int RedriveCount { get; init; }

    /// <summary>When it was last redriven, or null (DescribeExecution's redriveDate).</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>The key of the object its Object Created event names (<c>$.detail.object.key</c>), or null for another input.</summary>
    public string? ObjectKey => System.Text.Json.Nodes.JsonNode.Parse(Input) is System.Text.Json.Nodes.JsonObject input && input["detail"]?["object"]?["key"] is System.Text.Json.Nodes.JsonValue key && key.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>One history event of an execution, in order.</summary>
public sealed record ExecutionEventRecord(int Sequence, string Type, DateTimeOffset Timestamp, string? StateName, string? Payload, string? Error, string? Cause);
