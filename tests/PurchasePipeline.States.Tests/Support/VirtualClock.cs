namespace PurchasePipeline.States.Tests.Support;

/// <summary>
/// A clock whose timers fire at once, moving its time forward by their due time and recording it:
/// a test sees exactly which delays the engine asked for, and how much virtual time passed, without
/// waiting. Only for machines with no TimeoutSeconds or HeartbeatSeconds (those would fire at once
/// too); use FakeTimeProvider for timeouts.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<TimeSpan> delays = [];
    private DateTimeOffset now;

    public VirtualClock(DateTimeOffset? start = null)
    {
        now = start ?? Some.Start;
    }

    /// <summary>Every delay asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (gate)
            {
                return delays.ToList();
            }
        }
    }

    /// <summary>The delays in seconds, rounded to the millisecond.</summary>
    public IReadOnlyList<double> DelaySeconds => Delays.Select(d => Math.Round(d.TotalSeconds, 3)).ToList();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                delays.Add(dueTime);
                now += dueTime;
            }

            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
