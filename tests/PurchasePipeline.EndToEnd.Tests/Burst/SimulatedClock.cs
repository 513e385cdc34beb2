namespace PurchasePipeline.EndToEnd.Tests.Burst;

/// <summary>
/// Virtual time for many executions at once, as a discrete-event simulation: a timer whose due time is one of
/// the definition's TimeoutSeconds is a deadline and never fires (no fake task runs that long); every other
/// timer (a Wait, a Retry delay, an object landing) waits in a queue. <see cref="RunAsync"/> moves time to the
/// earliest due timer only once every unfinished activity is blocked on a timer, then fires all timers due at
/// that instant together. So what happens at one instant happens concurrently, and nothing depends on how
/// fast the machine is. A Wait or Retry delay exactly equal to a TimeoutSeconds would be taken for a deadline
/// (the burst's polls are 5, 30 and 60 s, its deadlines 120 s and the execution's).
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start, IEnumerable<TimeSpan> deadlines) : TimeProvider, IDisposable
{
    private readonly HashSet<TimeSpan> deadlines = [.. deadlines];
    private readonly Lock gate = new();
    private readonly PriorityQueue<Pending, (DateTimeOffset Due, long Order)> timers = new();
    private readonly SemaphoreSlim changed = new(0);
    private DateTimeOffset now = start;
    private long order;
    private int unfinished;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Dispose() => changed.Dispose();

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Calls <paramref name="activity"/> at <paramref name="at"/>; <see cref="RunAsync"/> ends once every activity has.</summary>
    public void Schedule(DateTimeOffset at, Func<Task> activity)
    {
        lock (gate)
        {
            unfinished++;
            timers.Enqueue(new Pending(_ => _ = RunActivityAsync(activity), null), (at, order++));
        }

        changed.Release();
    }

    /// <summary>Advances time until every scheduled activity has finished.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<Pending> due;
            lock (gate)
            {
                if (unfinished == 0)
                {
                    return;
                }

                // Every unfinished activity blocked on exactly one timer: nothing else can happen before the next one.
                if (timers.Count < unfinished)
                {
                    due = [];
                }
                else
                {
                    timers.TryPeek(out _, out var next);
                    now = next.Due;
                    due = [];
                    while (timers.TryPeek(out _, out var key) && key.Due == now)
                    {
                        due.Add(timers.Dequeue());
                    }
                }
            }

            if (due.Count == 0)
            {
                await changed.WaitAsync(cancellationToken);
                continue;
            }

            foreach (var timer in due)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => timer.Callback(timer.State), null);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && !deadlines.Contains(dueTime))
        {
            lock (gate)
            {
                timers.Enqueue(new Pending(callback, state), (now + dueTime, order++));
            }

            changed.Release();
        }

        return new InertTimer();
    }

    private async Task RunActivityAsync(Func<Task> activity)
    {
        try
        {
            await activity();
        }
        finally
        {
            lock (gate)
            {
                unfinished--;
            }

            changed.Release();
        }
    }

    private sealed record Pending(TimerCallback Callback, object? State);

    /// <summary>Timers are never changed or cancelled by the engine's Wait and Retry; a deadline's is dropped.</summary>
    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
