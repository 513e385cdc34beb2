using System.Globalization;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Works out one committed run's <see cref="RunFigures"/> from its manifest and the rows it wrote: its clean rows
/// (the partitions its manifest names, rows with its run_id) and its rejected partition. The sales figures come
/// from glue/sql's own aggregate queries run over just those rows, so they are what the aggregates add up to.
/// </summary>
internal static class RunFiguresReader
{
    /// <param name="home">The local plane's home.</param>
    /// <param name="manifest">The committed run.</param>
    /// <param name="keysReadBefore">Object keys earlier runs read: rows dropped from these are re-deliveries.</param>
    /// <exception cref="MemoryLimitExceededException">The run's rows needed more than the memory limit and could not spill.</exception>
    public static RunFigures Read(LocalHome home, RunManifest manifest, IReadOnlySet<string> keysReadBefore)
    {
        var memory = new DuckMemory(home);
        try
        {
            return Read(memory, home, manifest, keysReadBefore);
        }
        catch (DuckDB.NET.Data.DuckDBException e) when (DuckMemory.IsOutOfMemory(e))
        {
            throw memory.Exceeded("the dashboard", e);
        }
    }

    private static RunFigures Read(DuckMemory memory, LocalHome home, RunManifest manifest, IReadOnlySet<string> keysReadBefore)
    {
        using var connection = memory.Open();
        DefineRunRows(connection, home, manifest);
        var queries = new DashboardQueries(connection);
        var stored = connection.Query(
            "SELECT source_file, count(*) FROM (SELECT source_file FROM touched_purchases UNION ALL SELECT source_file FROM rejected_purchases) GROUP BY source_file",
            r => KeyValuePair.Create(r.GetString(0), r.GetInt64(1))).ToDictionary(StringComparer.Ordinal);
        return new RunFigures
        {
            RunId = manifest.RunId,
            StartedAt = manifest.StartedAt,
            CompletedAt = manifest.CompletedAt,
            Objects =
            [
                .. manifest.Files.Select(f => new ObjectFigures(
                    f.Key, f.RowCount, f.RowCount - stored.GetValueOrDefault(f.Key), keysReadBefore.Contains(f.Key))),
            ],
            RowsIn = manifest.RowsIn,
            RowsClean = connection.ScalarLong("SELECT count(*) FROM touched_purchases"),
            RowsRejected = connection.ScalarLong("SELECT count(*) FROM rejected_purchases"),
            Quarantined = manifest.Quarantined.Count,
            RejectedByReason = queries.RejectsByReason().ToDictionary(r => r.Reason, r => r.Rows, StringComparer.Ordinal),
            Customers = connection.Query(
                "SELECT DISTINCT user_id FROM touched_purchases WHERE user_id IS NOT NULL ORDER BY user_id",
                r => r.GetString(0)),
            Daily = queries.Daily(),
            ByCategory = queries.Breakdown("agg_daily_category", "category"),
            ByDevice = queries.Breakdown("agg_daily_device", "device_type"),
            ByPayment = queries.Breakdown("agg_daily_payment", "payment_method"),
            Brands = queries.Brands(),
            Segments = queries.Segments(),
        };
    }

    /// <summary>
    /// touched_purchases: the run's clean rows (only the partitions its manifest names are opened); users; the
    /// aggregate views of glue/sql over them; rejected_purchases: the run's rejected partition.
    /// </summary>
    private static void DefineRunRows(DuckDB.NET.Data.DuckDBConnection connection, LocalHome home, RunManifest manifest)
    {
        var partitions = manifest.Partitions
            .Select(p => Path.Combine(home.CleanPurchases, "purchase_date=" + p.PurchaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Where(LakeSources.HasParquet)
            .ToList();
        var clean = partitions.Count > 0 ? LakeSources.Parquet(partitions) : TransformShapes.EmptySelect("clean_purchases");
        connection.Execute($"""
            CREATE TEMP TABLE touched_purchases AS
            SELECT purchase_id, user_id, category, brand, device_type, payment_method, net_revenue, margin,
                CAST(purchase_date AS DATE) AS purchase_date, source_file
            FROM ({clean}) AS c
            WHERE c.run_id = {Literal(manifest.RunId)}
            """);
        var rejected = Path.Combine(home.RejectedPurchases, "run_id=" + manifest.RunId);
        connection.Execute("CREATE TEMP TABLE rejected_purchases AS " + (LakeSources.HasParquet(rejected)
            ? $"SELECT reject_reason, source_file FROM read_parquet({PathLiteral(Path.Combine(rejected, "*.parquet"))})"
            : "SELECT reject_reason, source_file FROM (" + TransformShapes.EmptySelect("rejected_purchases") + ")"));
        connection.Execute("CREATE TEMP VIEW users AS " + LakeSources.Users(home));
        foreach (var script in SqlFolder.Transform.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal)))
        {
            connection.Execute($"CREATE TEMP VIEW {script.Name} AS\n{script.Text}");
        }
    }
}
