using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Sql;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The lake as tables, the way Athena sees it through the Glue catalog: clean_purchases,
/// rejected_purchases, one table per aggregate, run_manifests and run_partitions. A table with no data
/// yet is empty, with the columns the transform gives it. Over a staged run (write-audit-publish) the tables are
/// that run's scope, so the rules audit it before it is published.
/// </summary>
public static class LakeViews
{
    /// <summary>
    /// Creates the lake's views (temporary, or persistent for the catalog database). With <paramref name="staged"/>
    /// (a run's staging folder, laid out like the lake) they are what the rules read of that run before it is
    /// published: its rejected rows and manifest, and the clean partitions it writes to, lake and staged rows
    /// together; no other partition is opened, so the audit's cost does not grow with the lake's history.
    /// </summary>
    public static void Create(DuckDBConnection connection, LocalHome home, bool persistent = false, string? staged = null)
    {
        var create = persistent ? "CREATE OR REPLACE VIEW" : "CREATE OR REPLACE TEMP VIEW";
        var (clean, rejected, manifests) = staged is null
            ? (Folder(home.CleanPurchases, "clean_purchases"), Folder(home.RejectedPurchases, "rejected_purchases"), Manifests(home.Manifests))
            : StagedRun(home, staged);
        connection.Execute($"{create} clean_purchases AS {clean}");
        connection.Execute($"{create} rejected_purchases AS {rejected}");
        foreach (var script in SqlFolder.Transform.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal)))
        {
            connection.Execute($"{create} {script.Name} AS {Folder(Path.Combine(home.Aggregates, script.Name), script.Name)}");
        }

        connection.Execute($"{create} run_manifests AS {manifests}");
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

    private static (string Clean, string Rejected, string Manifests) StagedRun(LocalHome home, string staged)
    {
        string InStaging(string lakeFolder) => Path.Combine(staged, Path.GetRelativePath(home.Lake, lakeFolder));
        var stagedClean = InStaging(home.CleanPurchases);
        var partitions = (Directory.Exists(stagedClean) ? Directory.GetDirectories(stagedClean) : [])
            .SelectMany(partition => new[] { Path.Combine(home.CleanPurchases, Path.GetFileName(partition)), partition })
            .Where(LakeSources.HasParquet)
            .ToList();
        return (
            partitions.Count > 0 ? LakeSources.Parquet(partitions) : TransformShapes.EmptySelect("clean_purchases"),
            Folder(InStaging(home.RejectedPurchases), "rejected_purchases"),
            Manifests(InStaging(home.Manifests)));
    }

    /// <summary>The manifest fields the rules and the catalog read (RunManifestJson names), with their types.</summary>
    private static readonly (string Name, string Type)[] ManifestColumns =
    [
        ("run_id", "VARCHAR"), ("job_name", "VARCHAR"), ("started_at", "TIMESTAMPTZ"), ("completed_at", "TIMESTAMPTZ"),
        ("rows_in", "BIGINT"), ("rows_clean", "BIGINT"), ("rows_rejected", "BIGINT"), ("rows_deduplicated", "BIGINT"),
        ("partitions", "STRUCT(purchase_date VARCHAR, row_count BIGINT)[]"),
    ];

    private static string Manifests(string folder)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.json").Any())
        {
            return "SELECT " + string.Join(", ", ManifestColumns.Select(c => $"CAST(NULL AS {c.Type}) AS {c.Name}")) + " WHERE false";
        }

        var columns = "{" + string.Join(", ", ManifestColumns.Select(c => $"{c.Name}: '{c.Type}'")) + "}";
        return $"SELECT * FROM read_json({PathLiteral(Path.Combine(folder, "*.json"))}, format = 'auto', columns = {columns})";
    }
}
