using System.Diagnostics;
using System.Text.Json.Nodes;
using PurchasePipeline.States;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>Times each task call of one execution, and the GC pauses within them: the handlers' share of a local run.</summary>
internal sealed class TimedInvoker(ITaskInvoker inner) : ITaskInvoker
{
    private readonly Dictionary<string, TimeSpan> byState = new(StringComparer.Ordinal);

    /// <summary>Time spent in task calls, per Task state (retries added up).</summary>
    public IReadOnlyDictionary<string, TimeSpan> ByState => byState;

    public TimeSpan Total => byState.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>GC pauses while a task call ran (part of <see cref="Total"/>).</summary>
    public TimeSpan GcPauses { get; private set; }

    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var paused = GC.GetTotalPauseDuration();
        try
        {
            return await inner.InvokeAsync(invocation, cancellationToken);
        }
        finally
        {
            byState[invocation.StateName] = byState.GetValueOrDefault(invocation.StateName) + Stopwatch.GetElapsedTime(start);
            GcPauses += GC.GetTotalPauseDuration() - paused;
        }
    }
}
