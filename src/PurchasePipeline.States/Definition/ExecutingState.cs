using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>What Task, Parallel and Map share: parameters, result processing, Retry and Catch.</summary>
internal abstract record ExecutingState : StateDefinition
{
    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    /// <summary>Where the result goes in the raw input; null (JSON null) discards it.</summary>
    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];
}

/// <summary>Task: one call of a resource through the <see cref="ITaskInvoker"/>.</summary>
internal sealed record TaskState : ExecutingState
{
    public required string Resource { get; init; }

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPath? HeartbeatSecondsPath { get; init; }
}

/// <summary>Parallel: runs every branch on the same input; the result is the array of their outputs.</summary>
internal sealed record ParallelState : ExecutingState
{
    public required IReadOnlyList<MachineDefinition> Branches { get; init; }
}

/// <summary>Map: runs the item processor once per item of an array; the result is the array of their outputs.</summary>
internal sealed record MapState : ExecutingState
{
    public required MachineDefinition Processor { get; init; }

    public JsonPath ItemsPath { get; init; } = JsonPath.Root;

    /// <summary>Builds each iteration's input (ItemSelector, or the legacy Parameters of a Map).</summary>
    public PayloadTemplate? ItemSelector { get; init; }

    /// <summary>0 is unbounded.</summary>
    public int MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    /// <summary>True when any tolerated-failure field is set: failures are then counted, not fatal one by one.</summary>
    public bool ToleratesFailures =>
        ToleratedFailureCount is not null || ToleratedFailureCountPath is not null
        || ToleratedFailurePercentage is not null || ToleratedFailurePercentagePath is not null;
}

/// <summary>A retry policy for the errors it names.</summary>
/// <param name="ErrorEquals">The error names it handles (States.ALL matches any).</param>
/// <param name="IntervalSeconds">Seconds before the first retry.</param>
/// <param name="MaxAttempts">Retries at most; 0 never retries.</param>
/// <param name="BackoffRate">Multiplies the interval on each retry.</param>
/// <param name="MaxDelaySeconds">Caps the interval.</param>
/// <param name="FullJitter">JitterStrategy FULL: a random delay between 0 and the interval.</param>
internal sealed record Retrier(IReadOnlyList<string> ErrorEquals, int IntervalSeconds, int MaxAttempts, double BackoffRate, int? MaxDelaySeconds, bool FullJitter);

/// <summary>A fallback for the errors it names.</summary>
/// <param name="ErrorEquals">The error names it handles.</param>
/// <param name="Next">The state to go to.</param>
/// <param name="ResultPath">Where the error output goes in the raw input; null discards it.</param>
internal sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, JsonPath? ResultPath);
