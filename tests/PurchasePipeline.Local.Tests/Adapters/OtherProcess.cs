namespace PurchasePipeline.Local.Tests.Adapters;

/// <summary>What another process holding a lock does: it releases it a while later, in real time, whatever the test does.</summary>
internal static class OtherProcess
{
    public static Task ReleaseLaterAsync(IDisposable held) => Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        held.Dispose();
    });
}
