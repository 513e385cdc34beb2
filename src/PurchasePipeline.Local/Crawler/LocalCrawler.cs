using DuckDB.NET.Data;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Crawler;

/// <summary>
/// The Glue crawler on DuckDB: infers the schema of objects under raw/ that are new since the last
/// crawl (recrawl new objects only), records them in catalog/catalog.duckdb, and registers the
/// catalog's tables: raw_purchases over the objects that hold the purchase schema, and the lake's
/// tables (clean, rejected, aggregates, run manifests). Open the catalog with the duckdb CLI to query them.
/// </summary>
/// <remarks>
/// A crawl opens only the objects it infers (new or changed ones), as Glue's incremental crawl
/// (RecrawlPolicy CRAWL_NEW_FOLDERS_ONLY) does: raw_purchases names each object's columns from the header the
/// catalog recorded, so registering it reads no file, and a lake table is registered again only when its
/// definition changes (its first file), since binding a view over Parquet reads the schema of every file.
/// </remarks>
public sealed class LocalCrawler(LocalHome home)
{
    /// <summary>Crawls raw/ and refreshes the catalog's tables.</summary>
    public CrawlResult Crawl(IProgress<string>? progress = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(home.Catalog)!);
        using var catalog = Duck.Duck.OpenWaitingForLock(home.Catalog);
        catalog.Execute("""
            CREATE TABLE IF NOT EXISTS crawled_objects (
                key VARCHAR PRIMARY KEY, etag VARCHAR, format VARCHAR, columns VARCHAR[], types VARCHAR[],
                matches_schema BOOLEAN, problem VARCHAR);
            ALTER TABLE crawled_objects ADD COLUMN IF NOT EXISTS header VARCHAR[];
            CREATE TABLE IF NOT EXISTS registered_tables (name VARCHAR PRIMARY KEY, definition VARCHAR);
            """);
        // A CSV object crawled before the catalog kept headers is crawled once more, to record its header.
        var known = catalog.Query(
            "SELECT key, etag FROM crawled_objects WHERE NOT (matches_schema AND format = 'csv' AND header IS NULL)",
            r => (r.GetString(0), r.GetString(1))).ToHashSet();
        var objects = LandingZone.ListRaw(home);
        var fresh = objects.Where(o => !known.Contains((o.Key, o.ETag))).ToList();
        foreach (var raw in fresh)
        {
            Record(catalog, raw);
            progress?.Report("crawled " + raw.Key);
        }

        var present = objects.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, _) in known.Where(k => !present.Contains(k.Item1)))
        {
            catalog.Execute("DELETE FROM crawled_objects WHERE key = " + Literal(key));
        }

        RegisterRawTable(catalog);
        RegisterLakeTables(catalog);
        return new CrawlResult(
            fresh.Count,
            objects.Count,
            catalog.Query(
                "SELECT c, t, count(*) FROM (SELECT unnest(columns) AS c, unnest(types) AS t FROM crawled_objects WHERE matches_schema) GROUP BY c, t ORDER BY c, t",
                r => new InferredColumn(r.GetString(0), r.GetString(1), (int)r.GetInt64(2))),
            catalog.Query("SELECT key || ': ' || problem FROM crawled_objects WHERE NOT matches_schema ORDER BY key", r => r.GetString(0)));
    }

    private static void Record(DuckDBConnection catalog, RawObject raw)
    {
        var format = raw.IsJsonLines ? "jsonl" : "csv";
        string? problem = null;
        List<(string Name, string Type)> columns = [];
        IReadOnlyList<string> header = [];
        try
        {
            if (!raw.IsJsonLines)
            {
                header = RawHeader.Read(raw);
            }

            var reader = raw.IsJsonLines
                ? $"read_json_auto({PathLiteral(raw.Path)}, format = 'newline_delimited')"
                : $"read_csv({PathLiteral(raw.Path)}, header = true, delim = ',', quote = '\"', escape = '\"', strict_mode = false, null_padding = true)";
            columns = catalog.Query($"DESCRIBE SELECT * FROM {reader}", r => (r.GetString(0), r.GetString(1)));
            if (raw.IsJsonLines)
            {
                problem = JsonKeyProblem(columns.Select(c => c.Name).ToList());
            }
        }
        catch (RawFileException e)
        {
            problem = e.Reason;
        }
        catch (DuckDBException e)
        {
            problem = "cannot infer a schema: " + e.Message.Split('\n')[0];
        }

        catalog.Execute($"""
            INSERT OR REPLACE INTO crawled_objects VALUES (
                {Literal(raw.Key)}, {Literal(raw.ETag)}, '{format}',
                [{string.Join(", ", columns.Select(c => Literal(c.Name)))}]::VARCHAR[],
                [{string.Join(", ", columns.Select(c => Literal(c.Type)))}]::VARCHAR[],
                {(problem is null ? "true" : "false")}, {(problem is null ? "NULL" : Literal(problem))},
                [{string.Join(", ", header.Select(Literal))}]::VARCHAR[])
            """);
    }

    /// <summary>JSON lines objects hold the purchase columns as keys: all of them, and no others.</summary>
    private static string? JsonKeyProblem(IReadOnlyList<string> keys)
    {
        var missing = PurchaseSchema.ColumnNames.Except(keys, StringComparer.Ordinal).ToList();
        var unknown = keys.Except(PurchaseSchema.ColumnNames, StringComparer.Ordinal).ToList();
        return (missing.Count, unknown.Count) switch
        {
            (0, 0) => null,
            (> 0, _) => "objects lack key " + string.Join(", ", missing),
            _ => "objects have unknown key " + string.Join(", ", unknown),
        };
    }

    /// <summary>
    /// raw_purchases: the purchase columns as text and the file name, over every object that holds the schema. The
    /// columns of a CSV object come from the header the catalog recorded (CSV objects with one column order are
    /// read together), so DuckDB opens no file to bind the view (with union_by_name it would sniff every one).
    /// </summary>
    private void RegisterRawTable(DuckDBConnection catalog)
    {
        string Files(IEnumerable<string> keys) => string.Join(", ", keys.Select(key => Literal(home.PathOf(key).Replace('\\', '/'))));
        var purchaseColumns = string.Join(", ", PurchaseSchema.ColumnNames);
        var sources = catalog.Query(
                "SELECT header, list(key ORDER BY key) FROM crawled_objects WHERE matches_schema AND format = 'csv' GROUP BY header ORDER BY min(key)",
                r => (Header: ((List<string>)r.GetValue(0)).ToList(), Keys: ((List<string>)r.GetValue(1)).ToList()))
            .Select(group => $"""
                SELECT {purchaseColumns}, filename FROM read_csv([{Files(group.Keys)}], auto_detect = false, header = true, delim = ',',
                    quote = '"', escape = '"', filename = true, strict_mode = false, null_padding = true,
                    columns = {Struct(group.Header)})
                """)
            .ToList();
        static string Struct(IEnumerable<string> names) => "{" + string.Join(", ", names.Select(c => $"{Literal(c)}: 'VARCHAR'")) + "}";
        var jsonl = catalog.Query("SELECT key FROM crawled_objects WHERE matches_schema AND format = 'jsonl' ORDER BY key", r => r.GetString(0));
        if (jsonl.Count > 0)
        {
            sources.Add($"SELECT {purchaseColumns}, filename FROM read_json([{Files(jsonl)}], format = 'newline_delimited', columns = {Struct(PurchaseSchema.ColumnNames)}, filename = true)");
        }

        Register(catalog, "raw_purchases", sources.Count == 0 ? Etl.RawSources.Empty : string.Join(" UNION ALL ", sources));
    }

    /// <summary>The lake's tables, each registered again only when its definition changed.</summary>
    private void RegisterLakeTables(DuckDBConnection catalog)
    {
        foreach (var (name, select) in LakeViews.Definitions(home))
        {
            Register(catalog, name, select);
        }
    }

    private static void Register(DuckDBConnection catalog, string name, string select)
    {
        if (catalog.ScalarLong($"SELECT count(*) FROM registered_tables WHERE name = {Literal(name)} AND definition = {Literal(select)}") == 1
            && catalog.ScalarLong($"SELECT count(*) FROM duckdb_views() WHERE view_name = {Literal(name)} AND NOT temporary") == 1)
        {
            return;
        }

        catalog.Execute($"CREATE OR REPLACE VIEW {name} AS {select}");
        catalog.Execute($"INSERT OR REPLACE INTO registered_tables VALUES ({Literal(name)}, {Literal(select)})");
    }
}
