using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Sql;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The lake as tables, the way Athena sees it through the Glue catalog: clean_purchases,
/// rejected_purchases, one table per aggregate, run_manifests and run_partitions. A table with no data
/// yet is empty, with the columns the transform gives it.
/// </summary>
public static class LakeViews
{
    /// <summary>Creates the lake's views (temporary, or persistent for the catalog database).</summary>
    public static void Create(DuckDBConnection connection, LocalHome home, bool persistent = false)
    {
        var create = persistent ? "CREATE OR REPLACE VIEW" : "CREATE OR REPLACE TEMP VIEW";
        connection.Execute($"{create} clean_purchases AS {Folder(home.CleanPurchases, "clean_purchases")}");
        connection.Execute($"{create} rejected_purchases AS {Folder(home.RejectedPurchases, "rejected_purchases")}");
        foreach (var script in SqlFolder.Transform.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal)))
        {
            connection.Execute($"{create} {script.Name} AS {Folder(Path.Combine(home.Aggregates, script.Name), script.Name)}");
        }

        connection.Execute($"{create} run_manifests AS {Manifests(home)}");
        // Athena's view (infra LakeTables.RunPartitionsSql) unnests the same array into the struct's fields, typed as
        // the manifest declares them: purchase_date stays text, so a rule must CAST it on both engines.
        connection.Execute($"""
            {create} run_partitions AS
            SELECT m.run_id, m.p.purchase_date, m.p.row_count
            FROM (SELECT run_id, unnest(partitions) AS p FROM run_manifests) AS m
            """);
    }

    private static string Folder(string folder, string view) =>
        LakeSources.HasParquet(folder) ? LakeSources.Parquet(folder) : TransformShapes.EmptySelect(view);

    /// <summary>The manifest fields the rules and the catalog read (RunManifestJson names), with their types.</summary>
    private static readonly (string Name, string Type)[] ManifestColumns =
    [
        ("run_id", "VARCHAR"), ("job_name", "VARCHAR"), ("started_at", "TIMESTAMPTZ"), ("completed_at", "TIMESTAMPTZ"),
        ("rows_in", "BIGINT"), ("rows_clean", "BIGINT"), ("rows_rejected", "BIGINT"), ("rows_deduplicated", "BIGINT"),
        ("partitions", "STRUCT(purchase_date VARCHAR, row_count BIGINT)[]"),
    ];

    private static string Manifests(LocalHome home)
    {
        if (!Directory.Exists(home.Manifests) || !Directory.EnumerateFiles(home.Manifests, "*.json").Any())
        {
            return "SELECT " + string.Join(", ", ManifestColumns.Select(c => $"CAST(NULL AS {c.Type}) AS {c.Name}")) + " WHERE false";
        }

        var columns = "{" + string.Join(", ", ManifestColumns.Select(c => $"{c.Name}: '{c.Type}'")) + "}";
        return $"SELECT * FROM read_json({PathLiteral(Path.Combine(home.Manifests, "*.json"))}, format = 'auto', columns = {columns})";
    }
}
