namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Everything the dashboard shows: the sum of every run's figures and the recent executions. Lists are already in display order;
/// an empty list means "no data yet" for its section.
/// </summary>
internal sealed record DashboardData
{
    public required DashboardKpis Kpis { get; init; }

    /// <summary>Revenue, orders and margin per purchase date, summed over categories, oldest first.</summary>
    public required IReadOnlyList<DailyRevenue> Daily { get; init; }

    public required IReadOnlyList<RevenueShare> ByCategory { get; init; }

    public required IReadOnlyList<RevenueShare> ByDevice { get; init; }

    public required IReadOnlyList<RevenueShare> ByPayment { get; init; }

    /// <summary>The ten brands with the most revenue over the whole period.</summary>
    public required IReadOnlyList<BrandRevenue> TopBrands { get; init; }

    public required IReadOnlyList<RejectCount> RejectsByReason { get; init; }

    public required IReadOnlyList<SegmentRevenue> Segments { get; init; }

    /// <summary>The most recent runs, newest first.</summary>
    public required IReadOnlyList<RunRow> RecentRuns { get; init; }

    /// <summary>When the newest run committed (its output passed the rules), if any did.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    public required DashboardHealth Health { get; init; }

    /// <summary>The ISO 4217 code of the amounts' currency, shown on every money figure.</summary>
    public required string Currency { get; init; }

    /// <summary>Manifest files that could not be read (skipped, so one bad file does not hide the page).</summary>
    public required int UnreadableManifests { get; init; }

    /// <summary>The first and last purchase date with data, when there is any.</summary>
    public (DateOnly From, DateOnly To)? Period =>
        Daily.Count == 0 ? null : (Daily[0].Date, Daily[^1].Date);

    /// <summary>A dashboard with nothing in it: the page before the first run.</summary>
    public static DashboardData Empty { get; } = new()
    {
        Kpis = DashboardKpis.Empty,
        Daily = [],
        ByCategory = [],
        ByDevice = [],
        ByPayment = [],
        TopBrands = [],
        RejectsByReason = [],
        Segments = [],
        RecentRuns = [],
        Health = DashboardHealth.Empty,
        Currency = DashboardCurrency.Default,
        UnreadableManifests = 0,
    };
}
