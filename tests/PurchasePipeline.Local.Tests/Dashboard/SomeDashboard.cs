using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>Dashboard data for renderer tests, with one hostile name from "the data".</summary>
internal static class SomeDashboard
{
    public const string HostileBrand = "<script>alert(1)</script>";

    public static readonly string[] Categories = ["smartphones", "laptops", "home & kitchen"];

    public static DashboardData Full() => DashboardData.Empty with
    {
        Kpis = new DashboardKpis(3400.30m, 11, 600.12m, 7, 2, 220, 14, 6),
        Daily =
        [
            new DailyRevenue(new DateOnly(2026, 11, 23), 4, 1234.50m, 200m),
            new DailyRevenue(new DateOnly(2026, 11, 24), 3, 900m, 150.12m),
            new DailyRevenue(new DateOnly(2026, 11, 26), 4, 1265.80m, 250m),
        ],
        ByCategory = [.. Categories.Select((c, i) => new RevenueShare(c, 4 - i, 1500m - (i * 400m), 100m))],
        ByDevice = [new RevenueShare("mobile", 7, 2000m, 400m), new RevenueShare("desktop", 4, 1400.30m, 200.12m)],
        ByPayment = [new RevenueShare("upi", 6, 2400.30m, 500m), new RevenueShare("cash_on_delivery", 5, 1000m, 100.12m)],
        TopBrands =
        [
            new BrandRevenue("samsung", "smartphones", 5, 1900m, 300m),
            new BrandRevenue(HostileBrand, "laptops", 2, 1000m, 200m),
            new BrandRevenue("o'neill \"pro\"", "home & kitchen", 4, 500.30m, 100.12m),
        ],
        RejectsByReason = [new RejectCount("invalid_timestamp", 10), new RejectCount("missing_brand", 4)],
        Segments =
        [
            new SegmentRevenue("female", "25-34", 4, 1500m),
            new SegmentRevenue("male", "18-24", 3, 1200m),
            new SegmentRevenue("unknown", "unknown", 4, 700.30m),
        ],
        RecentRuns =
        [
            new RunRow("jr_second", SomeRun.Start.AddSeconds(60), SomeRun.Start.AddSeconds(64.5), 1, 120, 110, 7, 3),
            new RunRow("jr_first", SomeRun.Start, SomeRun.Start.AddSeconds(2), 2, 100, 90, 7, 3),
        ],
    };
}
