using System.Data.Common;
using DuckDB.NET.Data;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Reads what the dashboard shows from the lake (aggregates, rejected rows, clean rows, manifests) with
/// an in-memory DuckDB. Sections whose folders are still empty come back empty.
/// </summary>
internal sealed partial class DashboardQueries(DuckDBConnection connection, LocalHome home)
{
    public const int TopBrandCount = 10;

    public const int RecentRunCount = 20;

    /// <summary>Everything the page shows, as the lake holds it now.</summary>
    public static async Task<DashboardData> LoadAsync(LocalHome home, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (manifests, unreadable) = await ManifestShelf.ReadAllAsync(home.Manifests, cancellationToken)
            .ConfigureAwait(false);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var queries = new DashboardQueries(connection, home);

        var byCategory = await queries.BreakdownAsync(LakeTable.DailyCategory, "category", cancellationToken).ConfigureAwait(false);
        var kpis = new DashboardKpis(
            Revenue: byCategory.Sum(c => c.Revenue),
            Orders: byCategory.Sum(c => c.Orders),
            Margin: byCategory.Sum(c => c.Margin),
            Customers: await queries.CustomersAsync(cancellationToken).ConfigureAwait(false),
            Runs: manifests.Count,
            RowsIn: manifests.Sum(m => m.RowsIn),
            RowsRejected: manifests.Sum(m => m.RowsRejected),
            RowsDeduplicated: manifests.Sum(m => m.RowsDeduplicated));

        return new DashboardData
        {
            Kpis = kpis,
            Daily = await queries.DailyAsync(cancellationToken).ConfigureAwait(false),
            ByCategory = byCategory,
            ByDevice = await queries.BreakdownAsync(LakeTable.DailyDevice, "device_type", cancellationToken).ConfigureAwait(false),
            ByPayment = await queries.BreakdownAsync(LakeTable.DailyPayment, "payment_method", cancellationToken).ConfigureAwait(false),
            TopBrands = await queries.TopBrandsAsync(cancellationToken).ConfigureAwait(false),
            RejectsByReason = await queries.RejectsByReasonAsync(cancellationToken).ConfigureAwait(false),
            Segments = await queries.SegmentsAsync(cancellationToken).ConfigureAwait(false),
            RecentRuns = ManifestShelf.Recent(manifests, RecentRunCount),
            UnreadableManifests = unreadable,
        };
    }

    private LakeTable? Aggregate(string view) => LakeTable.Find(Path.Combine(home.Aggregates, view));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
