using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>Sales figures: sums of the daily aggregates (the views glue/sql defines) over the rows they are defined on.</summary>
internal sealed partial class DashboardQueries
{
    // Sums of DECIMAL(18, 2) widen to DECIMAL(38, 2) and of BIGINT to HUGEINT; cast back to what .NET reads.
    private const string Orders = "CAST(sum(orders) AS BIGINT)";
    private const string Revenue = "CAST(sum(revenue) AS DECIMAL(18, 2))";
    private const string Margin = "CAST(sum(margin) AS DECIMAL(18, 2))";

    public List<DailyRevenue> Daily() => connection.Query(
        $"""
        SELECT CAST(purchase_date AS DATE), {Orders}, {Revenue}, {Margin}
        FROM agg_daily_category
        GROUP BY 1
        ORDER BY 1
        """,
        r => new DailyRevenue(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3)));

    /// <summary>Totals per value of <paramref name="column"/> of an aggregate, most revenue first.</summary>
    public List<RevenueShare> Breakdown(string aggregate, string column) => connection.Query(
        $"""
        SELECT coalesce(CAST({column} AS VARCHAR), 'unknown') AS label, {Orders}, {Revenue} AS revenue, {Margin}
        FROM {aggregate}
        GROUP BY label
        ORDER BY revenue DESC, label
        """,
        r => new RevenueShare(r.GetString(0), r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3)));

    // The same choice of category as the aggregate makes per day: the smallest name.
    public List<BrandRevenue> Brands() => connection.Query(
        $"""
        SELECT coalesce(brand, 'unknown') AS label, coalesce(min(category), 'unknown'), {Orders}, {Revenue} AS revenue, {Margin}
        FROM agg_daily_brand
        GROUP BY label
        ORDER BY revenue DESC, label
        """,
        r => new BrandRevenue(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3), r.GetDecimal(4)));

    public List<SegmentRevenue> Segments() => connection.Query(
        $"""
        SELECT coalesce(gender, 'unknown') AS g, coalesce(age_band, 'unknown') AS a, {Orders}, {Revenue}
        FROM agg_daily_segment
        GROUP BY g, a
        ORDER BY g, a
        """,
        r => new SegmentRevenue(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3)));
}
