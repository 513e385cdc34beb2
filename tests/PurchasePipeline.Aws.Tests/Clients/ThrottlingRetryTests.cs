using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Tests.Clients;

public class ThrottlingRetryTests
{
    [Fact]
    public void OnThrottled_JitterNearZero_StillWaitsAMillisecond()
    {
        // Regression: a sub-millisecond jittered wait made Task.Delay complete at once, so the retry neither
        // backed off nor asked the clock for a wait (a flaky "no wait recorded" in the client tests).
        var sut = new ThrottlingRetry(TimeProvider.System, () => 0.0001);

        Assert.Equal(TimeSpan.FromMilliseconds(1), sut.OnThrottled(1, retryAfter: null));
    }
}
