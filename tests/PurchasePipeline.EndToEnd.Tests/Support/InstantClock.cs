namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// A clock for running the real definition at full wait scale without waiting. A timer whose due time is
/// one of the definition's TimeoutSeconds is a deadline: it never fires (no mocked task runs that long).
/// Every other timer is a Wait or Retry delay: it is recorded, the clock moves on by it, and it fires at
/// once. A test sees exactly which delays the engine asked for.
/// </summary>
internal sealed class InstantClock(DateTimeOffset start, IEnumerable<TimeSpan> deadlines) : TimeProvider
{
    private readonly HashSet<TimeSpan> deadlines = [.. deadlines];
    private readonly Lock gate = new();
    private readonly List<TimeSpan> delays = [];
    private DateTimeOffset now = start;

    /// <summary>The Wait and Retry delays asked for, in seconds, in order.</summary>
    public IReadOnlyList<double> DelaySeconds
    {
        get
        {
            lock (gate)
            {
                return [.. delays.Select(d => d.TotalSeconds)];
            }
        }
    }

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
        if (dueTime != Timeout.InfiniteTimeSpan && !deadlines.Contains(dueTime))
        {
            lock (gate)
            {
                delays.Add(dueTime);
                now += dueTime;
            }

            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
