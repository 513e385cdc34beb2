namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// The headline numbers. Sales figures come from the aggregates; row counts from the run manifests
/// (all of them, not only the recent ones shown in the runs table).
/// </summary>
internal sealed record DashboardKpis(
    decimal Revenue,
    long Orders,
    decimal Margin,
    long Customers,
    int Runs,
    long RowsIn,
    long RowsRejected,
    long RowsDeduplicated)
{
    public static DashboardKpis Empty { get; } = new(0m, 0, 0m, 0, 0, 0, 0, 0);

    /// <summary>Margin as a share of revenue; null without revenue.</summary>
    public decimal? MarginRate => Revenue == 0m ? null : Margin / Revenue;

    /// <summary>Revenue per order; null without orders.</summary>
    public decimal? AverageOrderValue => Orders == 0 ? null : Revenue / Orders;

    /// <summary>
    /// The distinct rows read: clean + rejected. A row read again (an overwritten cumulative object, a re-read
    /// after a bookmark reset, a repeat in its batch) is deduplicated, so it counts once here.
    /// </summary>
    public long RowsDistinct => RowsIn - RowsDeduplicated;

    /// <summary>Rejected rows as a share of the distinct rows read, so re-deliveries do not change it; null before any row was read.</summary>
    public decimal? RejectRate => RowsDistinct == 0 ? null : (decimal)RowsRejected / RowsDistinct;
}
