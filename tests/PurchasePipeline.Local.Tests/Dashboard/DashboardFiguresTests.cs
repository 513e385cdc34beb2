using PurchasePipeline.Functions;
using System.Globalization;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>
/// The dashboard's figures, summed from each run's figures file, against the lake itself: real ETL runs (new
/// objects, an overwritten cumulative object, a --reset-bookmark re-read) and counts taken from the Parquet files.
/// </summary>
public sealed class DashboardFiguresTests : IDisposable
{
    private const string Currency = "EUR";
    private static readonly string[] Categories = ["Smartphones", "Laptops", "Headphones"];
    private static readonly string[] Brands = ["Samsung", "Apple", "Sony", "Lenovo", "Dell", "HP", "Asus", "Acer", "JBL", "Bose", "Canon", "Nikon"];
    private static readonly string[] Devices = ["mobile", "desktop", "tablet"];
    private static readonly string[] Payments = ["credit_card", "paypal", "debit_card", "gift_card"];

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;
    private readonly LocalEtlJob job;

    public DashboardFiguresTests()
    {
        home = new LocalHome(temp.Path);
        job = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles());
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task LoadAsync_EmptyHome_ReturnsEmptySections()
    {
        var data = await LoadAsync();

        Assert.Equal(DashboardKpis.Empty, data.Kpis);
        Assert.Empty(data.Daily);
        Assert.Empty(data.ByCategory);
        Assert.Empty(data.TopBrands);
        Assert.Empty(data.RejectsByReason);
        Assert.Empty(data.Segments);
        Assert.Empty(data.RecentRuns);
        Assert.Null(data.LastRunAt);
        Assert.Null(data.Period);
        Assert.Equal(Currency, data.Currency);
    }

    [Fact]
    public async Task LoadAsync_RunsRedeliveriesAndAResetRerun_AgreesWithTheLakeExactly()
    {
        LandAndRun("raw/2024/05/01/a.csv", Rows(1, 40, "2024-05-01"));
        LandAndRun("raw/2024/05/02/b.csv", Rows(41, 40, "2024-05-02"));
        await LoadAsync();
        LandAndRun("raw/2024/05/01/a.csv", Rows(1, 40, "2024-05-01").Concat(Rows(81, 20, "2024-05-03")), overwrite: true);
        LandAndRun("raw/2024/05/04/c.csv", Rows(101, 30, "2024-05-04"));
        job.Run(new EtlRunOptions { ResetBookmark = true });

        var data = await LoadAsync();

        Assert.Equal(5, data.Kpis.Runs);
        Assert.Equal(LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"), data.Kpis.Orders);
        Assert.Equal(LakeQuery.Decimal(home, "SELECT sum(net_revenue) FROM clean_purchases"), data.Kpis.Revenue);
        Assert.Equal(LakeQuery.Decimal(home, "SELECT sum(margin) FROM clean_purchases"), data.Kpis.Margin);
        Assert.Equal(LakeQuery.Long(home, "SELECT count(DISTINCT user_id) FROM clean_purchases"), data.Kpis.Customers);
        Assert.Equal(LakeQuery.Long(home, "SELECT count(*) FROM rejected_purchases"), data.Kpis.RowsRejected);
        Assert.Equal(
            Lake("SELECT CAST(purchase_date AS DATE), count(*), sum(net_revenue), sum(margin) FROM clean_purchases GROUP BY 1 ORDER BY 1",
                r => new DailyRevenue(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3))),
            data.Daily);
        Assert.Equal(Shares("category"), data.ByCategory);
        Assert.Equal(Shares("device_type"), data.ByDevice);
        Assert.Equal(Shares("payment_method"), data.ByPayment);
        Assert.Equal(
            Lake($"SELECT brand, min(category), count(*), sum(net_revenue) AS r, sum(margin) FROM clean_purchases GROUP BY brand ORDER BY r DESC, brand LIMIT {DashboardQueries.TopBrandCount}",
                r => new BrandRevenue(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3), r.GetDecimal(4))),
            data.TopBrands);
        Assert.Equal(
            Lake("SELECT reject_reason, count(*) AS n FROM rejected_purchases GROUP BY 1 ORDER BY n DESC, 1", r => new RejectCount(r.GetString(0), r.GetInt64(1))),
            data.RejectsByReason);
        Assert.Equal(
            Lake("SELECT 'unknown', 'unknown', count(*), sum(net_revenue) FROM clean_purchases", r => new SegmentRevenue(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3))),
            data.Segments);
        // Rows in = clean + rejected + duplicates + re-delivered, over the manifests.
        Assert.Equal(LakeQuery.Long(home, "SELECT CAST(sum(rows_in) AS BIGINT) FROM run_manifests"), data.Kpis.RowsIn);
        Assert.Equal(data.Kpis.RowsIn, data.Kpis.Orders + data.Kpis.RowsRejected + data.Kpis.RowsDuplicate + data.Kpis.RowsRedelivered);
    }

    [Fact]
    public async Task LoadAsync_RedeliveredObjects_DoNotCountAsDuplicates()
    {
        // Regression (issue 9, finding 4, and issue 12): each re-delivery added the object's rows to the duplicates.
        // a.csv: one row twice in the file (a duplicate); later overwritten with two more rows, then all read again.
        var first = new[] { Some.Row(1), Some.Row(2).Break(RejectReason.InvalidCostPrice), Some.Row(1) };
        LandAndRun("raw/2024/05/01/a.csv", first);
        LandAndRun("raw/2024/05/01/a.csv", [.. first, Some.Row(3), Some.Row(4).Break(RejectReason.InvalidTimestamp)], overwrite: true);
        job.Run(new EtlRunOptions { ResetBookmark = true });

        var data = await LoadAsync();

        // Run 1 drops the repeated row 1 (a duplicate); run 2 re-reads rows 1, 2 and the repeat; run 3 re-reads all five.
        Assert.Equal((1L, 8L), (data.Kpis.RowsDuplicate, data.Kpis.RowsRedelivered));
        Assert.Equal([(1L, 0L), (0L, 3L), (0L, 5L)], data.RecentRuns.Reverse().Select(r => (r.RowsDuplicate, r.RowsRedelivered)));
        Assert.Equal([RejectReason.InvalidCostPrice, RejectReason.InvalidTimestamp], data.RejectsByReason.Select(r => r.Reason).Order(StringComparer.Ordinal));
        Assert.Equal(0.5m, data.Kpis.RejectRate);
        Assert.Contains("8 re-delivered rows not counted", DashboardRenderer.Render(data, FixedTimeProvider.At(2024, 5, 2, 8, 0, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FiguresOfEarlierRuns_AreNotReadFromTheLakeAgain()
    {
        LandAndRun("raw/2024/05/01/a.csv", Rows(1, 10, "2024-05-01"));
        var before = await LoadAsync();
        // Were the page built from the lake, losing the first run's partition would change it.
        Directory.Delete(Path.Combine(home.CleanPurchases, "purchase_date=2024-05-01"), recursive: true);
        LandAndRun("raw/2024/05/02/b.csv", Rows(11, 10, "2024-05-02"));

        var after = await LoadAsync();

        Assert.Equal(before.Daily[0], after.Daily[0]);
        Assert.Equal(2 * before.Kpis.Orders, after.Kpis.Orders);
        Assert.Equal(2, Directory.GetFiles(FiguresShelf.FolderOf(home), "*.json").Length);
    }

    [Fact]
    public async Task LoadAsync_MoreRunsThanShown_ReturnsTheNewestByObjectNameAndCountsAll()
    {
        for (var i = 1; i <= DashboardQueries.RecentRunCount + 2; i++)
        {
            LandAndRun($"raw/2024/05/01/f{i:00}.csv", Rows(i * 10, 2, "2024-05-01"));
        }

        var data = await LoadAsync();

        Assert.Equal(DashboardQueries.RecentRunCount + 2, data.Kpis.Runs);
        Assert.Equal(DashboardQueries.RecentRunCount, data.RecentRuns.Count);
        Assert.Equal(["raw/2024/05/01/f22.csv"], data.RecentRuns[0].Objects);
        Assert.Equal(["raw/2024/05/01/f03.csv"], data.RecentRuns[^1].Objects);
    }

    [Fact]
    public async Task LoadAsync_UnreadableManifest_SkipsAndCountsIt()
    {
        LandAndRun("raw/2024/05/01/a.csv", Rows(1, 2, "2024-05-01"));
        await File.WriteAllTextAsync(Path.Combine(home.Manifests, "jr_0.json"), "{ not json");

        var data = await LoadAsync();

        Assert.Single(data.RecentRuns);
        Assert.Equal(1, data.UnreadableManifests);
    }

    [Fact]
    public async Task LoadAsync_DamagedFiguresFile_WorksItOutAgain()
    {
        LandAndRun("raw/2024/05/01/a.csv", Rows(1, 4, "2024-05-01"));
        var first = await LoadAsync();
        var file = Assert.Single(Directory.GetFiles(FiguresShelf.FolderOf(home)));
        await File.WriteAllTextAsync(file, "{ torn");

        var again = await LoadAsync();

        Assert.Equal(first.Kpis, again.Kpis);
    }

    [Fact]
    public async Task LoadAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DashboardQueries.LoadAsync(home, Currency, cancelled.Token));
    }

    /// <summary>Valid rows with varied dimensions and amounts; every seventh is rejected, every eleventh repeats the one before.</summary>
    private static IEnumerable<Dictionary<string, string>> Rows(int first, int count, string date)
    {
        for (var n = first; n < first + count; n++)
        {
            var row = Some.Row(n, date)
                .With("user_id", "USI_" + (n % 13).ToString(CultureInfo.InvariantCulture))
                .With("category", Categories[n % Categories.Length])
                .With("brand", Brands[n % Brands.Length])
                .With("device_type", Devices[n % Devices.Length])
                .With("payment_method", Payments[n % Payments.Length])
                .With("cost_price", (100 + n).ToString(CultureInfo.InvariantCulture))
                .With("selling_price", (115 + n + (n % 7 / 10m)).ToString("0.00", CultureInfo.InvariantCulture))
                .With("discount", (n % 4 * 5).ToString(CultureInfo.InvariantCulture));
            yield return n % 7 == 0 ? row.Break(n % 2 == 0 ? RejectReason.InvalidTimestamp : RejectReason.InvalidIpAddress) : row;
            if (n % 11 == 0)
            {
                yield return row;
            }
        }
    }

    private void LandAndRun(string key, IEnumerable<Dictionary<string, string>> rows, bool overwrite = false)
    {
        Some.Land(home, key, Some.Csv(rows));
        if (overwrite)
        {
            // A new version of the object: the trigger's etag cache keys on size and mtime.
            File.SetLastWriteTimeUtc(home.PathOf(key), File.GetLastWriteTimeUtc(home.PathOf(key)).AddSeconds(5));
        }

        job.Run();
    }

    private List<RevenueShare> Shares(string column) => Lake(
        $"SELECT {column}, count(*), sum(net_revenue) AS r, sum(margin) FROM clean_purchases GROUP BY 1 ORDER BY r DESC, 1",
        r => new RevenueShare(r.GetString(0), r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3)));

    private List<T> Lake<T>(string sql, Func<System.Data.Common.DbDataReader, T> map)
    {
        using var connection = Duck.Duck.OpenInMemory();
        LakeViews.Create(connection, home);
        return connection.Query(sql, map);
    }

    private Task<DashboardData> LoadAsync() => DashboardQueries.LoadAsync(home, Currency, CancellationToken.None);
}
