using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>Dashboard data for renderer tests, with hostile names from "the data" (a brand, an object key, an error cause).</summary>
internal static class SomeDashboard
{
    public const string HostileBrand = "<script>alert(1)</script>";

    public const string HostileKey = "raw/2026/11/24/<svg onload=alert(2)>.csv";

    public const string HostileCause = "job run jr_1 broke rules: no_negative_amounts (2 rows) <b>bold</b>";

    public static readonly string[] Categories = ["smartphones", "laptops", "home & kitchen"];

    public static DashboardData Full() => DashboardData.Empty with
    {
        Kpis = new DashboardKpis(3400.30m, 11, 600.12m, 7, 2, 220, 14, 2, 4),
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
            new RunRow("jr_second", ["raw/2026/11/25/second.csv"], "RUNNING", SomeRun.Start.AddSeconds(60), SomeRun.Start.AddSeconds(64.5), 120, 110, 7, 0, 3),
            new RunRow("jr_first", ["raw/2026/11/24/first.csv", HostileKey], "SUCCEEDED", SomeRun.Start, SomeRun.Start.AddSeconds(2), 100, 90, 7, 2, 1),
        ],
        LastRunAt = SomeRun.Start.AddSeconds(64.5),
        Health = new DashboardHealth(
            [
                new ExecutionRow("e2", "raw/2026/11/25/second.csv", "RUNNING", SomeRun.Start.AddSeconds(58), null, "jr_second", null, null, Rules(0)),
                new ExecutionRow("e1", HostileKey, "FAILED", SomeRun.Start.AddSeconds(-30), TimeSpan.FromSeconds(3), null, "DataQualityCheckFailed", HostileCause, Rules(2)),
            ],
            [new ExecutionRow("e1", HostileKey, "FAILED", SomeRun.Start.AddSeconds(-30), TimeSpan.FromSeconds(3), null, "DataQualityCheckFailed", HostileCause, Rules(2))],
            FailedCount: 1,
            Considered: 2),
    };

    /// <summary>The pipeline's five rules, with <paramref name="broken"/> offending rows of no_negative_amounts.</summary>
    private static List<RuleResultRow> Rules(long broken) =>
    [
        new("no_duplicate_purchase_ids", 0), new("no_negative_amounts", broken), new("no_null_keys", 0),
        new("row_conservation", 0), new("run_partitions_exist", 0),
    ];
}
