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
/// crawl (recrawl new objects only), records them in catalog/catalog.duckdb, and (re)registers the
/// catalog's tables: raw_purchases over the objects that hold the purchase schema, and the lake's
/// tables (clean, rejected, aggregates, run manifests). Open the catalog with the duckdb CLI to query them.
/// </summary>
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
                matches_schema BOOLEAN, problem VARCHAR)
            """);
        var known = catalog.Query("SELECT key, etag FROM crawled_objects", r => (r.GetString(0), r.GetString(1))).ToHashSet();
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
        LakeViews.Create(catalog, home, persistent: true);
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
        try
        {
            if (!raw.IsJsonLines)
            {
                RawHeader.Read(raw);
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
                {(problem is null ? "true" : "false")}, {(problem is null ? "NULL" : Literal(problem))})
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

    private void RegisterRawTable(DuckDBConnection catalog)
    {
        string Files(string format) => string.Join(", ", catalog.Query(
            $"SELECT key FROM crawled_objects WHERE matches_schema AND format = '{format}' ORDER BY key",
            r => Literal(home.PathOf(r.GetString(0)).Replace('\\', '/'))));
        var csv = Files("csv");
        var jsonl = Files("jsonl");
        var text = "{" + string.Join(", ", PurchaseSchema.ColumnNames.Select(c => $"{Literal(c)}: 'VARCHAR'")) + "}";
        var sources = new List<string>();
        if (csv.Length > 0)
        {
            sources.Add($"SELECT * FROM read_csv([{csv}], header = true, all_varchar = true, union_by_name = true, filename = true, strict_mode = false, null_padding = true)");
        }

        if (jsonl.Length > 0)
        {
            sources.Add($"SELECT * FROM read_json([{jsonl}], format = 'newline_delimited', columns = {text}, filename = true)");
        }

        var source = sources.Count == 0 ? Etl.RawSources.Select([], string.Empty) : string.Join(" UNION ALL BY NAME ", sources);
        catalog.Execute("CREATE OR REPLACE VIEW raw_purchases AS " + source);
    }
}
