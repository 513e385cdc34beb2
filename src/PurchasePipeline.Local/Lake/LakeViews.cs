using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Sql;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The lake as tables, the way Athena sees it through the Glue catalog: clean_purchases,
/// rejected_purchases, one table per aggregate, run_manifests and run_partitions. A table with no data
/// yet is empty, with the columns the transform gives it. With a staged run (write-audit-publish), clean,
/// rejected and the manifests also hold that run's staged output, so the rules audit it before it is published.
/// </summary>
public static class LakeViews
{
    /// <summary>
    /// Creates the lake's views (temporary, or persistent for the catalog database); with <paramref name="staged"/>
    /// (a run's staging folder, laid out like the lake) they include that run's output.
    /// </summary>
    public static void Create(DuckDBConnection connection, LocalHome home, bool persistent = false, string? staged = null)
    {
        string[] lakes = staged is null ? [home.Lake] : [home.Lake, staged];
        var create = persistent ? "CREATE OR REPLACE VIEW" : "CREATE OR REPLACE TEMP VIEW";
        connection.Execute($"{create} clean_purchases AS {Folders(lakes, Path.GetRelativePath(home.Lake, home.CleanPurchases), "clean_purchases")}");
        connection.Execute($"{create} rejected_purchases AS {Folders(lakes, Path.GetRelativePath(home.Lake, home.RejectedPurchases), "rejected_purchases")}");
        foreach (var script in SqlFolder.Transform.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal)))
        {
            connection.Execute($"{create} {script.Name} AS {Folder(Path.Combine(home.Aggregates, script.Name), script.Name)}");
        }

        connection.Execute($"{create} run_manifests AS {Manifests([.. lakes.Select(lake => Path.Combine(lake, Path.GetRelativePath(home.Lake, home.Manifests)))])}");
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

    /// <summary>A table's folder in each lake (the lake, and a staged run's), read as one table.</summary>
    private static string Folders(IEnumerable<string> lakes, string table, string view)
    {
        var folders = lakes.Select(lake => Path.Combine(lake, table)).Where(LakeSources.HasParquet).ToList();
        return folders.Count switch
        {
            0 => TransformShapes.EmptySelect(view),
            1 => LakeSources.Parquet(folders[0]),
            _ => LakeSources.Parquet(folders.SelectMany(folder => Directory.GetDirectories(folder)).Where(LakeSources.HasParquet).ToList()),
        };
    }

    /// <summary>The manifest fields the rules and the catalog read (RunManifestJson names), with their types.</summary>
    private static readonly (string Name, string Type)[] ManifestColumns =
    [
        ("run_id", "VARCHAR"), ("job_name", "VARCHAR"), ("started_at", "TIMESTAMPTZ"), ("completed_at", "TIMESTAMPTZ"),
        ("rows_in", "BIGINT"), ("rows_clean", "BIGINT"), ("rows_rejected", "BIGINT"), ("rows_deduplicated", "BIGINT"),
        ("partitions", "STRUCT(purchase_date VARCHAR, row_count BIGINT)[]"),
    ];

    private static string Manifests(IEnumerable<string> folders)
    {
        var globs = folders.Where(folder => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.json").Any())
            .Select(folder => PathLiteral(Path.Combine(folder, "*.json")))
            .ToList();
        if (globs.Count == 0)
        {
            return "SELECT " + string.Join(", ", ManifestColumns.Select(c => $"CAST(NULL AS {c.Type}) AS {c.Name}")) + " WHERE false";
        }

        var columns = "{" + string.Join(", ", ManifestColumns.Select(c => $"{c.Name}: '{c.Type}'")) + "}";
        return $"SELECT * FROM read_json([{string.Join(", ", globs)}], format = 'auto', columns = {columns})";
    }
}
