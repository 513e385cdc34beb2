namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// The headline numbers, summed over every run's figures (not only the recent runs the table shows).
/// </summary>
internal sealed record DashboardKpis(
    decimal Revenue,
    long Orders,
    decimal Margin,
    long Customers,
    int Runs,
    long RowsIn,
    long RowsRejected,
    long RowsDuplicate,
    long RowsRedelivered)
{
    public static DashboardKpis Empty { get; } = new(0m, 0, 0m, 0, 0, 0, 0, 0, 0);

    /// <summary>Margin as a share of revenue; null without revenue.</summary>
    public decimal? MarginRate => Revenue == 0m ? null : Margin / Revenue;

    /// <summary>Revenue per order; null without orders.</summary>
    public decimal? AverageOrderValue => Orders == 0 ? null : Revenue / Orders;

    /// <summary>
    /// The distinct rows read: clean + rejected. A row read again (an overwritten cumulative object, a re-read
    /// after a bookmark reset, a repeat in its batch) is dropped, so it counts once here.
    /// </summary>
    public long RowsDistinct => RowsIn - RowsDuplicate - RowsRedelivered;

    /// <summary>Rejected rows as a share of the distinct rows read, so re-deliveries do not change it; null before any row was read.</summary>
    public decimal? RejectRate => RowsDistinct == 0 ? null : (decimal)RowsRejected / RowsDistinct;
}
