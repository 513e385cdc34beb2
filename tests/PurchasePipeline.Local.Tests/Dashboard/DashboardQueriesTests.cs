using PurchasePipeline.Functions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class DashboardQueriesTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;
    private readonly LakeBuilder lake;

    public DashboardQueriesTests()
    {
        home = new LocalHome(temp.Path);
        lake = new LakeBuilder(home);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task LoadAsync_EmptyHome_ReturnsEmptySections()
    {
        var data = await LoadAsync();

        Assert.Equal(DashboardKpis.Empty, data.Kpis);
        Assert.Empty(data.Daily);
        Assert.Empty(data.ByCategory);
        Assert.Empty(data.ByDevice);
        Assert.Empty(data.ByPayment);
        Assert.Empty(data.TopBrands);
        Assert.Empty(data.RejectsByReason);
        Assert.Empty(data.Segments);
        Assert.Empty(data.RecentRuns);
        Assert.Null(data.Period);
    }

    [Fact]
    public async Task LoadAsync_FoldersWithoutParquetFiles_ReturnsEmptySections()
    {
        Directory.CreateDirectory(Path.Combine(home.Aggregates, "agg_daily_category", "purchase_date=2026-11-24"));
        Directory.CreateDirectory(Path.Combine(home.RejectedPurchases, "run_id=jr_1"));
        Directory.CreateDirectory(home.CleanPurchases);
        Directory.CreateDirectory(home.Manifests);

        var data = await LoadAsync();

        Assert.Empty(data.Daily);
        Assert.Empty(data.RejectsByReason);
        Assert.Equal(0, data.Kpis.Customers);
    }

    [Fact]
    public async Task LoadAsync_CategoryAggregates_SumsEachDayOverCategoriesExactly()
    {
        lake.Categories(
            ("2026-11-24", "smartphones", 3, 1500.10m, 300.05m),
            ("2026-11-24", "laptops", 1, 899.99m, 99.99m),
            ("2026-11-25", "smartphones", 2, 1000.20m, 200.10m),
            ("2026-11-25", "headphones", 5, 0.01m, -0.02m));

        var data = await LoadAsync();

        Assert.Equal(
            [
                new DailyRevenue(new DateOnly(2026, 11, 24), 4, 2400.09m, 400.04m),
                new DailyRevenue(new DateOnly(2026, 11, 25), 7, 1000.21m, 200.08m),
            ],
            data.Daily);
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)), data.Period);
    }

    [Fact]
    public async Task LoadAsync_CategoryAggregates_TotalsPerCategoryMostRevenueFirst()
    {
        lake.Categories(
            ("2026-11-24", "laptops", 1, 899.99m, 99.99m),
            ("2026-11-24", "smartphones", 3, 1500.10m, 300.05m),
            ("2026-11-25", "smartphones", 2, 1000.20m, 200.10m),
            ("2026-11-25", "headphones", 5, 0.01m, -0.02m));

        var data = await LoadAsync();

        Assert.Equal(
            [
                new RevenueShare("smartphones", 5, 2500.30m, 500.15m),
                new RevenueShare("laptops", 1, 899.99m, 99.99m),
                new RevenueShare("headphones", 5, 0.01m, -0.02m),
            ],
            data.ByCategory);
        Assert.Equal(3400.30m, data.Kpis.Revenue);
        Assert.Equal(11, data.Kpis.Orders);
        Assert.Equal(600.12m, data.Kpis.Margin);
    }

    [Fact]
    public async Task LoadAsync_DeviceAndPaymentAggregates_TotalsPerValue()
    {
        lake.Devices(("2026-11-24", "mobile", 2, 10.50m, 1m), ("2026-11-25", "mobile", 1, 4.50m, 1m), ("2026-11-25", "desktop", 1, 20m, 2m));
        lake.Payments(("2026-11-24", "upi", 1, 5m, 0.5m), ("2026-11-25", "credit_card", 3, 30m, 3.5m));

        var data = await LoadAsync();

        Assert.Equal([new RevenueShare("desktop", 1, 20m, 2m), new RevenueShare("mobile", 3, 15m, 2m)], data.ByDevice);
        Assert.Equal([new RevenueShare("credit_card", 3, 30m, 3.5m), new RevenueShare("upi", 1, 5m, 0.5m)], data.ByPayment);
    }

    [Fact]
    public async Task LoadAsync_BrandAggregates_ReturnsTheTopTenOverThePeriod()
    {
        // "zeta" is never the top brand of a day but is over both days; "b01" climbs with its second day;
        // "b04" and "c04" tie for tenth place and go by name.
        var rows = Enumerable.Range(1, 11)
            .Select(i => ("2026-11-24", $"b{i:00}", "smartphones", 1L, 100m + i, 10m))
            .Append(("2026-11-24", "b12", "laptops", 1L, 100m, 10m))
            .Append(("2026-11-24", "c04", "laptops", 1L, 104m, 10m))
            .Append(("2026-11-24", "zeta", "laptops", 2L, 110m, 20m))
            .Append(("2026-11-25", "zeta", "laptops", 2L, 110m, 20m))
            .Append(("2026-11-25", "b01", "smartphones", 1L, 3.5m, 1m))
            .ToArray();
        lake.Brands(rows);

        var data = await LoadAsync();

        Assert.Equal(
            ["zeta", "b11", "b10", "b09", "b08", "b07", "b06", "b05", "b01", "b04"],
            data.TopBrands.Select(b => b.Brand));
        Assert.Equal(new BrandRevenue("zeta", "laptops", 4, 220m, 40m), data.TopBrands[0]);
        Assert.Equal(new BrandRevenue("b01", "smartphones", 2, 104.5m, 11m), data.TopBrands[8]);
    }

    [Fact]
    public async Task LoadAsync_RejectedRowsOfSeveralRuns_CountsPerReasonMostFirst()
    {
        lake.Rejected("jr_1", ("invalid_timestamp", 3), ("missing_brand", 1));
        lake.Rejected("jr_2", ("negative_amount", 2), ("invalid_timestamp", 1), ("missing_brand", 1));

        var data = await LoadAsync();

        Assert.Equal(
            [new RejectCount("invalid_timestamp", 4), new RejectCount("missing_brand", 2), new RejectCount("negative_amount", 2)],
            data.RejectsByReason);
    }

    [Fact]
    public async Task LoadAsync_SegmentAggregates_TotalsPerGenderAndAgeBand()
    {
        lake.Segments(
            ("2026-11-24", "female", "25-34", 2, 50.25m),
            ("2026-11-25", "female", "25-34", 1, 10m),
            ("2026-11-25", "unknown", "unknown", 4, 7.5m));

        var data = await LoadAsync();

        Assert.Equal(
            [new SegmentRevenue("female", "25-34", 3, 60.25m), new SegmentRevenue("unknown", "unknown", 4, 7.5m)],
            data.Segments);
    }

    [Fact]
    public async Task LoadAsync_CleanRows_CountsDistinctCustomers()
    {
        lake.Clean(("2026-11-24", "USI_1"), ("2026-11-24", "USI_2"), ("2026-11-25", "USI_1"));

        var data = await LoadAsync();

        Assert.Equal(2, data.Kpis.Customers);
    }

    [Fact]
    public async Task LoadAsync_HomeWithAQuoteInItsPath_ReadsItsLake()
    {
        var quoted = new LocalHome(temp.Combine("o'brien"));
        new LakeBuilder(quoted).Rejected("jr_1", ("missing_brand", 2));

        var data = await DashboardQueries.LoadAsync(quoted, CancellationToken.None);

        Assert.Equal([new RejectCount("missing_brand", 2)], data.RejectsByReason);
    }

    [Fact]
    public async Task LoadAsync_MoreManifestsThanShown_ReturnsTheNewestTwentyAndCountsAll()
    {
        for (var i = 1; i <= 25; i++)
        {
            lake.Manifest(SomeRun.Manifest($"jr_{i:00}", minutesAfterStart: i, clean: 90, rejected: 7, deduplicated: 3, files: 2));
        }

        var data = await LoadAsync();

        Assert.Equal(DashboardQueries.RecentRunCount, data.RecentRuns.Count);
        Assert.Equal("jr_25", data.RecentRuns[0].RunId);
        Assert.Equal("jr_06", data.RecentRuns[^1].RunId);
        Assert.Equal(new RunRow("jr_25", SomeRun.Start.AddMinutes(25).AddSeconds(-4), SomeRun.Start.AddMinutes(25), 2, 100, 90, 7, 3), data.RecentRuns[0]);
        Assert.Equal(new DashboardKpis(0m, 0, 0m, 0, 25, 2500, 175, 75), data.Kpis);
        Assert.Equal(175m / 2425m, data.Kpis.RejectRate);
    }

    [Fact]
    public async Task LoadAsync_CumulativeObjectDeliveredThreeTimes_CountsItsRowsOnce()
    {
        // Regression (issue 9, finding 4): each re-delivery added the object's rejected rows again, and the reject
        // rate was taken over every row read, re-deliveries included.
        var key = Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2).With("cost_price", "abc")]));
        var job = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles());
        job.Run();
        Some.Land(home, key, Some.Csv([Some.Row(1), Some.Row(2).With("cost_price", "abc"), Some.Row(3), Some.Row(4).With("timestamp", "soon")]));
        File.SetLastWriteTimeUtc(home.PathOf(key), File.GetLastWriteTimeUtc(home.PathOf(key)).AddSeconds(5));
        job.Run();
        job.Run(new EtlRunOptions { ResetBookmark = true });

        var data = await LoadAsync();

        Assert.Equal([new RejectCount(RejectReason.InvalidCostPrice, 1), new RejectCount(RejectReason.InvalidTimestamp, 1)], data.RejectsByReason);
        Assert.Equal((10, 2, 6), (data.Kpis.RowsIn, data.Kpis.RowsRejected, data.Kpis.RowsDeduplicated));
        Assert.Equal(0.5m, data.Kpis.RejectRate);
        Assert.Contains("2 of 4 distinct rows read", DashboardRenderer.Render(data, FixedTimeProvider.At(2024, 5, 2, 8, 0, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnreadableManifest_SkipsAndCountsIt()
    {
        lake.Manifest(SomeRun.Manifest("jr_1", minutesAfterStart: 1));
        await File.WriteAllTextAsync(Path.Combine(home.Manifests, "jr_0.json"), "{ not json");

        var data = await LoadAsync();

        Assert.Equal(["jr_1"], data.RecentRuns.Select(r => r.RunId));
        Assert.Equal(1, data.UnreadableManifests);
    }

    [Fact]
    public async Task LoadAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DashboardQueries.LoadAsync(home, cancelled.Token));
    }

    private Task<DashboardData> LoadAsync() => DashboardQueries.LoadAsync(home, CancellationToken.None);
}
