using DuckDB.NET.Data;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// What the dashboard shows. <see cref="LoadAsync"/> sums every run's <see cref="RunFigures"/> (bringing the
/// figures up to date first); the query methods work out one run's figures over views
/// <see cref="RunFiguresReader"/> defines on that run's rows.
/// </summary>
internal sealed partial class DashboardQueries(DuckDBConnection connection)
{
    public const int TopBrandCount = 10;

    public const int RecentRunCount = 20;

    public const int FailedShown = 10;

    /// <summary>How many of the newest executions failed ones are counted among (one listing of the store, whatever its size).</summary>
    public const int ExecutionsConsidered = 100;

    /// <summary>Everything the page shows, as the lake holds it now, with amounts in <paramref name="currency"/>.</summary>
    public static async Task<DashboardData> LoadAsync(LocalHome home, string currency, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (runs, unreadable) = await FiguresShelf.UpdateAsync(home, cancellationToken).ConfigureAwait(false);
        var health = HealthReader.Read(home, RecentRunCount, FailedShown, ExecutionsConsidered);
        return Sum(runs, unreadable, health, currency);
    }

    /// <summary>The page's figures: the sum of the runs' figures, ordered as the page shows them.</summary>
    public static DashboardData Sum(IReadOnlyList<RunFigures> runs, int unreadableManifests, DashboardHealth health, string currency)
    {
        var byCategory = Shares(runs.SelectMany(r => r.ByCategory));
        var statusOfRun = health.Executions
            .Where(e => e.JobRunId is not null)
            .GroupBy(e => e.JobRunId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
        // A running execution records its history when it ends, so its job run is not known yet: the execution
        // refreshing this page is the running one that handles an object the run read.
        var running = health.Executions.Where(e => e.Status == "RUNNING" && e.JobRunId is null && e.ObjectKey is not null).ToList();
        string? StatusOf(RunFigures run) =>
            statusOfRun.GetValueOrDefault(run.RunId)
            ?? (running.Exists(e => run.Objects.Any(o => o.Key == e.ObjectKey)) ? "RUNNING" : null);
        return new DashboardData
        {
            Kpis = new DashboardKpis(
                Revenue: byCategory.Sum(c => c.Revenue),
                Orders: byCategory.Sum(c => c.Orders),
                Margin: byCategory.Sum(c => c.Margin),
                Customers: runs.SelectMany(r => r.Customers).Distinct(StringComparer.Ordinal).LongCount(),
                Runs: runs.Count,
                RowsIn: runs.Sum(r => r.RowsIn),
                RowsRejected: runs.Sum(r => r.RowsRejected),
                RowsDuplicate: runs.Sum(r => r.RowsDuplicate),
                RowsRedelivered: runs.Sum(r => r.RowsRedelivered)),
            Daily =
            [
                .. runs.SelectMany(r => r.Daily)
                    .GroupBy(d => d.Date)
                    .Select(g => new DailyRevenue(g.Key, g.Sum(d => d.Orders), g.Sum(d => d.Revenue), g.Sum(d => d.Margin)))
                    .OrderBy(d => d.Date),
            ],
            ByCategory = byCategory,
            ByDevice = Shares(runs.SelectMany(r => r.ByDevice)),
            ByPayment = Shares(runs.SelectMany(r => r.ByPayment)),
            TopBrands =
            [
                .. runs.SelectMany(r => r.Brands)
                    .GroupBy(b => b.Brand, StringComparer.Ordinal)
                    .Select(g => new BrandRevenue(
                        g.Key, g.Select(b => b.Category).Min(StringComparer.Ordinal)!, g.Sum(b => b.Orders), g.Sum(b => b.Revenue), g.Sum(b => b.Margin)))
                    .OrderByDescending(b => b.Revenue)
                    .ThenBy(b => b.Brand, StringComparer.Ordinal)
                    .Take(TopBrandCount),
            ],
            RejectsByReason =
            [
                .. runs.SelectMany(r => r.RejectedByReason)
                    .GroupBy(r => r.Key, StringComparer.Ordinal)
                    .Select(g => new RejectCount(g.Key, g.Sum(r => r.Value)))
                    .OrderByDescending(r => r.Rows)
                    .ThenBy(r => r.Reason, StringComparer.Ordinal),
            ],
            Segments =
            [
                .. runs.SelectMany(r => r.Segments)
                    .GroupBy(s => (s.Gender, s.AgeBand))
                    .Select(g => new SegmentRevenue(g.Key.Gender, g.Key.AgeBand, g.Sum(s => s.Orders), g.Sum(s => s.Revenue)))
                    .OrderBy(s => s.Gender, StringComparer.Ordinal)
                    .ThenBy(s => s.AgeBand, StringComparer.Ordinal),
            ],
            RecentRuns =
            [
                .. runs.Reverse()
                    .Take(RecentRunCount)
                    .Select(r => new RunRow(
                        r.RunId, [.. r.Objects.Select(o => o.Key)], StatusOf(r), r.StartedAt, r.CompletedAt,
                        r.RowsIn, r.RowsClean, r.RowsRejected, r.RowsDuplicate, r.RowsRedelivered)),
            ],
            LastRunAt = runs.Count == 0 ? null : runs.Max(r => r.CompletedAt),
            Health = health,
            Currency = currency,
            UnreadableManifests = unreadableManifests,
        };
    }

    /// <summary>Totals per label, most revenue first (ties by label), as the aggregate queries order them.</summary>
    private static List<RevenueShare> Shares(IEnumerable<RevenueShare> shares) =>
    [
        .. shares
            .GroupBy(s => s.Label, StringComparer.Ordinal)
            .Select(g => new RevenueShare(g.Key, g.Sum(s => s.Orders), g.Sum(s => s.Revenue), g.Sum(s => s.Margin)))
            .OrderByDescending(s => s.Revenue)
            .ThenBy(s => s.Label, StringComparer.Ordinal),
    ];
}
