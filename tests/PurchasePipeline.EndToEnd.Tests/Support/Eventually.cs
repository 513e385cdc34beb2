namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// Waits for a condition another process brings about (a file, a row), checking it again after short
/// pauses, up to a bound that only turns a hang into a failure: no test asserts how long anything took.
/// </summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan patience, Func<string> describe)
        where T : class
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.False(timeout.IsCancellationRequested, "gave up waiting for " + describe());
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }
}
