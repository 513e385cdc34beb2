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
