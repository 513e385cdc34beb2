namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>Times of the runs in dashboard tests.</summary>
internal static class SomeRun
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
}
