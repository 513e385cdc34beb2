namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// Retries throttled calls only, a bounded number of times, with exponential backoff and full jitter on a
/// <see cref="TimeProvider"/>. Adaptive: throttling raises a shared pressure that lengthens the first waits
/// of later calls on the same client, and successes lower it again. Every other error goes straight back to
/// the state machine, whose Retry owns the long waits.
/// </summary>
internal sealed class ThrottlingRetry(TimeProvider time, Func<double> jitter)
{
    /// <summary>Attempts per call, the first included.</summary>
    public const int MaxAttempts = 3;

    private const int MaxPressure = 4;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private int pressure;

    public ThrottlingRetry(TimeProvider time)
        : this(time, Random.Shared.NextDouble)
    {
    }

    /// <summary>The current pressure (0 = no recent throttling), for tests.</summary>
    public int Pressure => Volatile.Read(ref pressure);

    public void OnSuccess()
    {
        int current;
        while ((current = Volatile.Read(ref pressure)) > 0 && Interlocked.CompareExchange(ref pressure, current - 1, current) != current)
        {
        }
    }

    /// <summary>The wait before the attempt after <paramref name="attempt"/> (1-based), honouring a Retry-After the service sent.</summary>
    public TimeSpan OnThrottled(int attempt, TimeSpan? retryAfter)
    {
        var level = Math.Min(MaxPressure, Interlocked.Increment(ref pressure));
        if (level >= MaxPressure)
        {
            Volatile.Write(ref pressure, MaxPressure);
        }

        var exponent = Math.Min(10, attempt - 1 + level);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        // At least a millisecond: a shorter delay is no delay at all for Task.Delay, which would retry at once.
        var wait = TimeSpan.FromMilliseconds(Math.Max(1, ceiling * Math.Clamp(jitter(), 0, 1)));
        return retryAfter is { } after && after > wait ? (after < MaxDelay ? after : MaxDelay) : wait;
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}
