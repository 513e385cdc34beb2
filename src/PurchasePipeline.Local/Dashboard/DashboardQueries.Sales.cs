namespace PurchasePipeline.Local.Dashboard;

/// <summary>Sales figures: sums of the daily aggregates over the whole period.</summary>
internal sealed partial class DashboardQueries
{
    // Sums of DECIMAL(18, 2) widen to DECIMAL(38, 2) and of BIGINT to HUGEINT; cast back to what .NET reads.
    private const string Orders = "CAST(sum(orders) AS BIGINT)";
    private const string Revenue = "CAST(sum(revenue) AS DECIMAL(18, 2))";
    private const string Margin = "CAST(sum(margin) AS DECIMAL(18, 2))";

    private async Task<IReadOnlyList<DailyRevenue>> DailyAsync(CancellationToken cancellationToken)
    {
        if (Aggregate(LakeTable.DailyCategory) is not { } table)
        {
            return [];
        }

        return await QueryAsync(
            $"""
            SELECT CAST(purchase_date AS DATE), {Orders}, {Revenue}, {Margin}
            FROM {table.Sql}
            GROUP BY 1
            ORDER BY 1
            """,
            r => new DailyRevenue(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Totals per value of <paramref name="column"/>, most revenue first.</summary>
    private async Task<IReadOnlyList<RevenueShare>> BreakdownAsync(string view, string column, CancellationToken cancellationToken)
    {
        if (Aggregate(view) is not { } table)
        {
            return [];
        }

        return await QueryAsync(
            $"""
            SELECT coalesce(CAST({column} AS VARCHAR), 'unknown') AS label, {Orders}, {Revenue} AS revenue, {Margin}
            FROM {table.Sql}
            GROUP BY label
            ORDER BY revenue DESC, label
            """,
            r => new RevenueShare(r.GetString(0), r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3)),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<BrandRevenue>> TopBrandsAsync(CancellationToken cancellationToken)
    {
        if (Aggregate(LakeTable.DailyBrand) is not { } table)
        {
            return [];
        }

        // The same choice of category as the aggregate makes per day: the smallest name.
        return await QueryAsync(
            $"""
            SELECT coalesce(brand, 'unknown') AS label, coalesce(min(category), 'unknown'), {Orders}, {Revenue} AS revenue, {Margin}
            FROM {table.Sql}
            GROUP BY label
            ORDER BY revenue DESC, label
            LIMIT {TopBrandCount}
            """,
            r => new BrandRevenue(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3), r.GetDecimal(4)),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SegmentRevenue>> SegmentsAsync(CancellationToken cancellationToken)
    {
        if (Aggregate(LakeTable.DailySegment) is not { } table)
        {
            return [];
        }

        return await QueryAsync(
            $"""
            SELECT coalesce(gender, 'unknown') AS g, coalesce(age_band, 'unknown') AS a, {Orders}, {Revenue}
            FROM {table.Sql}
            GROUP BY g, a
            ORDER BY g, a
            """,
            r => new SegmentRevenue(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDecimal(3)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Distinct buyers in the clean table (the aggregates do not keep user ids).</summary>
    private async Task<long> CustomersAsync(CancellationToken cancellationToken)
    {
        if (LakeTable.Find(home.CleanPurchases) is not { } table)
        {
            return 0;
        }

        var rows = await QueryAsync(
            $"SELECT count(DISTINCT user_id) FROM {table.Sql}",
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
