using System.Diagnostics;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>Times the executions database's listener, and the GC pauses within it: what storing the history costs a local run.</summary>
internal sealed class TimedListener(IExecutionListener inner) : IExecutionListener
{
    public TimeSpan Elapsed { get; private set; }

    public int Events { get; private set; }

    /// <summary>GC pauses while an event was stored (part of <see cref="Elapsed"/>).</summary>
    public TimeSpan GcPauses { get; private set; }

    public void OnEvent(HistoryEvent historyEvent)
    {
        var start = Stopwatch.GetTimestamp();
        var paused = GC.GetTotalPauseDuration();
        inner.OnEvent(historyEvent);
        Elapsed += Stopwatch.GetElapsedTime(start);
        GcPauses += GC.GetTotalPauseDuration() - paused;
        Events++;
    }
}
