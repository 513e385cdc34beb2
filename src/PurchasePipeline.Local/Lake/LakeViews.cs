using DuckDB.NET.Data;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Sql;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The lake as tables, the way Athena sees it through the Glue catalog: clean_purchases,
/// rejected_purchases, one table per aggregate, run_manifests and run_partitions. A table with no data
/// yet is empty, with the columns the transform gives it. Over one run (<see cref="CreateForRun"/>) the tables are
/// that run's scope, what the glue/validation rules read, so an audit opens only that run's files.
/// </summary>
public static class LakeViews
{
    /// <summary>Creates the lake's views, temporary (the crawler registers <see cref="Definitions"/> in the catalog).</summary>
    public static void Create(DuckDBConnection connection, LocalHome home) => Execute(connection, Definitions(home));

    /// <summary>
    /// Creates temporary views over one run's scope (glue/validation/README.md): its manifest, its rejected rows,
    /// and the clean partitions it wrote to with the rows already there. With <paramref name="staged"/> (the run's
    /// staging folder, laid out like the lake: write-audit-publish) the run is read from there, its clean partitions
    /// together with the lake's same partitions; else from the lake, its partitions as its committed manifest lists
    /// them. No other partition is opened, so the cost of an audit does not grow with the lake's history.
    /// </summary>
    public static void CreateForRun(DuckDBConnection connection, LocalHome home, string runId, string? staged = null)
    {
        ArgumentNullException.ThrowIfNull(home);
        var root = staged ?? home.Lake;
        string InRun(string lakeFolder) => Path.Combine(root, Path.GetRelativePath(home.Lake, lakeFolder));
        var manifest = Path.Combine(InRun(home.Manifests), runId + ".json");
        var partitions = (staged is not null
                ? (Directory.Exists(InRun(home.CleanPurchases)) ? Directory.GetDirectories(InRun(home.CleanPurchases)) : [])
                    .SelectMany(partition => new[] { Path.Combine(home.CleanPurchases, Path.GetFileName(partition)), partition })
                : (File.Exists(manifest) ? RunManifestJson.Deserialize(File.ReadAllText(manifest), manifest).Partitions : [])
                    .Select(p => home.CleanPartitionOf(p.PurchaseDate)))
            .Where(LakeSources.HasParquet)
            .ToList();
        var rejected = Path.Combine(InRun(home.RejectedPurchases), "run_id=" + runId);
        Execute(connection, [
            ("clean_purchases", partitions.Count > 0 ? LakeSources.Parquet(partitions) : TransformShapes.EmptySelect("clean_purchases")),
            ("rejected_purchases", LakeSources.HasParquet(rejected) ? LakeSources.Parquet([rejected]) : TransformShapes.EmptySelect("rejected_purchases")),
            ("run_manifests", File.Exists(manifest) ? Manifests(manifest) : NoManifest),
            ("run_partitions", RunPartitions),
        ]);
    }

    /// <summary>Each view of the whole lake and the SELECT it is; the SELECT changes only when a table gets its first file.</summary>
    internal static IReadOnlyList<(string Name, string Select)> Definitions(LocalHome home) =>
    [
        ("clean_purchases", Folder(home.CleanPurchases, "clean_purchases")),
        ("rejected_purchases", Folder(home.RejectedPurchases, "rejected_purchases")),
        .. SqlFolder.Transform.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal))
            .Select(script => (script.Name, Folder(Path.Combine(home.Aggregates, script.Name), script.Name))),
        ("run_manifests", Directory.Exists(home.Manifests) && Directory.EnumerateFiles(home.Manifests, "*.json").Any()
            ? Manifests(Path.Combine(home.Manifests, "*.json"))
            : NoManifest),
        ("run_partitions", RunPartitions),
    ];

    private static void Execute(DuckDBConnection connection, IEnumerable<(string Name, string Select)> views)
    {
        foreach (var (name, select) in views)
        {
            connection.Execute($"CREATE OR REPLACE TEMP VIEW {name} AS {select}");
        }
    }

    /// <summary>
    /// Athena's view (infra LakeTables.RunPartitionsSql) unnests the same array into the struct's fields, typed as the
    /// manifest declares them: purchase_date stays text, so a rule must CAST it on both engines.
    /// </summary>
    private const string RunPartitions = """
        SELECT m.run_id, m.p.purchase_date, m.p.row_count
        FROM (SELECT run_id, unnest(partitions) AS p FROM run_manifests) AS m
        """;

    private static string Folder(string folder, string view) =>
        LakeSources.HasParquet(folder) ? LakeSources.Parquet(folder) : TransformShapes.EmptySelect(view);

    /// <summary>The manifest fields the rules and the catalog read (RunManifestJson names), with their types.</summary>
    private static readonly (string Name, string Type)[] ManifestColumns =
    [
        ("run_id", "VARCHAR"), ("job_name", "VARCHAR"), ("started_at", "TIMESTAMPTZ"), ("completed_at", "TIMESTAMPTZ"),
        ("rows_in", "BIGINT"), ("rows_clean", "BIGINT"), ("rows_rejected", "BIGINT"), ("rows_deduplicated", "BIGINT"),
        ("partitions", "STRUCT(purchase_date VARCHAR, row_count BIGINT)[]"),
    ];

    private static readonly string NoManifest =
        "SELECT " + string.Join(", ", ManifestColumns.Select(c => $"CAST(NULL AS {c.Type}) AS {c.Name}")) + " WHERE false";

    private static string Manifests(string files) =>
        $"SELECT * FROM read_json({PathLiteral(files)}, format = 'auto', columns = {{{string.Join(", ", ManifestColumns.Select(c => $"{c.Name}: '{c.Type}'"))}}})";
}
