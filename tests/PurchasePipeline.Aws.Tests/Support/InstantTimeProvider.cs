using System.Collections.Concurrent;

namespace PurchasePipeline.Aws.Tests.Support;

/// <summary>A clock whose timers fire at once and that records every wait asked of it (the retry's backoff).</summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    public ConcurrentBag<TimeSpan> Waits { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
