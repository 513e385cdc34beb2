using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Reads what the dashboard shows from the lake's tables (<see cref="LakeViews"/>, as Athena sees them) with
/// an in-memory DuckDB. Tables with no data yet are empty, so their sections come back empty.
/// </summary>
internal sealed partial class DashboardQueries(DuckDBConnection connection)
{
    public const int TopBrandCount = 10;

    public const int RecentRunCount = 20;

    /// <summary>Everything the page shows, as the lake holds it now.</summary>
    public static async Task<DashboardData> LoadAsync(LocalHome home, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (manifests, unreadable) = await ManifestShelf.ReadAllAsync(home.Manifests, cancellationToken)
            .ConfigureAwait(false);

        using var connection = Duck.Duck.OpenInMemory();
        LakeViews.Create(connection, home);
        var queries = new DashboardQueries(connection);

        var byCategory = queries.Breakdown("agg_daily_category", "category");
        var kpis = new DashboardKpis(
            Revenue: byCategory.Sum(c => c.Revenue),
            Orders: byCategory.Sum(c => c.Orders),
            Margin: byCategory.Sum(c => c.Margin),
            Customers: connection.ScalarLong("SELECT count(DISTINCT user_id) FROM clean_purchases"),
            Runs: manifests.Count,
            RowsIn: manifests.Sum(m => m.RowsIn),
            RowsRejected: manifests.Sum(m => m.RowsRejected),
            RowsDeduplicated: manifests.Sum(m => m.RowsDeduplicated));

        return new DashboardData
        {
            Kpis = kpis,
            Daily = queries.Daily(),
            ByCategory = byCategory,
            ByDevice = queries.Breakdown("agg_daily_device", "device_type"),
            ByPayment = queries.Breakdown("agg_daily_payment", "payment_method"),
            TopBrands = queries.TopBrands(),
            RejectsByReason = queries.RejectsByReason(),
            Segments = queries.Segments(),
            RecentRuns = ManifestShelf.Recent(manifests, RecentRunCount),
            UnreadableManifests = unreadable,
        };
    }
}
