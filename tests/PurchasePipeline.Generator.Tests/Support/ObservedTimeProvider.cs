using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code starts waiting on it, so the test
/// advances time only once the wait is registered (advancing earlier would be lost).
/// </summary>
internal sealed class ObservedTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created; fails the test if none comes within a few seconds of real time.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasPendingTimer => timers.Reader.TryPeek(out _);
}
