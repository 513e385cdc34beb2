namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>One timed local run, split by who spent the time.</summary>
/// <param name="Total">Wall time of the execution, its recording included.</param>
/// <param name="Handlers">In task calls (the functions on the local adapters).</param>
/// <param name="History">In the executions database: the execution's row, every history event, its outcome, the final read.</param>
/// <param name="HistoryEvents">History events stored.</param>
/// <param name="ByState">Task call time per Task state.</param>
/// <param name="Transitions">The execution's state transitions.</param>
/// <param name="GcPauses">GC pauses during the whole run.</param>
/// <param name="GcPausesOutsideEngine">The part of <paramref name="GcPauses"/> inside task calls and the listener.</param>
internal sealed record LocalRunSample(
    TimeSpan Total,
    TimeSpan Handlers,
    TimeSpan History,
    int HistoryEvents,
    IReadOnlyDictionary<string, TimeSpan> ByState,
    int Transitions,
    TimeSpan GcPauses,
    TimeSpan GcPausesOutsideEngine)
{
    /// <summary>The rest: the engine, with the history payload copies it makes for a listener, and whatever GC pause fell into it.</summary>
    public TimeSpan Engine => Total - Handlers - History;

    /// <summary>
    /// GC pauses that fell into the engine's share. A pause stops the process wherever the allocation that
    /// triggers it happens; the handlers allocate most of a run's memory, so most of this is theirs.
    /// </summary>
    public TimeSpan EngineGcPauses => GcPauses - GcPausesOutsideEngine;

    public TimeSpan EngineWithoutGcPauses => Engine - EngineGcPauses;
}
