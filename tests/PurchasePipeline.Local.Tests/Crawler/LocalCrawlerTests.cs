using PurchasePipeline.Functions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Crawler;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Crawler;

/// <summary>The crawler: raw objects into catalog/catalog.duckdb, recrawling only what changed, and the lake's tables.</summary>
public sealed class LocalCrawlerTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public LocalCrawlerTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Crawl_MatchingObjects_RegistersThemAsRawPurchases()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));
        Some.Land(home, "raw/2024/05/02/b.csv", Some.Csv([Some.Row(3, "2024-05-02")]));

        var result = CreateSut().Crawl();

        Assert.Equal((2, 2), (result.ObjectsCrawled, result.ObjectsTotal));
        Assert.Empty(result.Mismatches);
        Assert.Equal(PurchaseSchema.ColumnNames.Order(StringComparer.Ordinal), result.Columns.Select(c => c.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(result.Columns, c => Assert.Equal(2, c.Objects));
        Assert.Equal(3, Catalog("SELECT count(*) FROM raw_purchases"));
        Assert.Equal(1, Catalog("SELECT count(*) FROM raw_purchases WHERE user_id = 'USI_3' AND filename LIKE '%/b.csv'"));
    }

    [Fact]
    public void Crawl_ObjectWithoutThePurchaseSchema_ReportedAndLeftOutOfRawPurchases()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        Some.Land(home, "raw/2024/05/01/bad.csv", "user_id,session_id\nUSI_1,abc\n");

        var result = CreateSut().Crawl();

        var mismatch = Assert.Single(result.Mismatches);
        Assert.StartsWith("raw/2024/05/01/bad.csv: header lacks column category", mismatch, StringComparison.Ordinal);
        Assert.Equal(2, result.ObjectsTotal);
        Assert.All(result.Columns, c => Assert.Equal(1, c.Objects));
        Assert.Equal(1, Catalog("SELECT count(*) FROM raw_purchases"));
        Assert.Equal(1, Catalog("SELECT count(*) FROM crawled_objects WHERE NOT matches_schema"));
    }

    [Fact]
    public void Crawl_JsonLinesObjects_CheckedAgainstTheSchemaAndRegistered()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        Some.Land(home, "raw/2024/05/01/b.jsonl", Some.Jsonl([Some.Row(2), Some.Row(3)]));
        Some.Land(home, "raw/2024/05/01/c.jsonl", "{\"user_id\": \"USI_1\"}\n");

        var result = CreateSut().Crawl();

        var mismatch = Assert.Single(result.Mismatches);
        Assert.StartsWith("raw/2024/05/01/c.jsonl: objects lack key session_id", mismatch, StringComparison.Ordinal);
        Assert.Equal(3, Catalog("SELECT count(*) FROM raw_purchases"));
        Assert.Equal(2, Catalog("SELECT count(*) FROM raw_purchases WHERE filename LIKE '%/b.jsonl'"));
    }

    [Fact]
    public void Crawl_NothingNew_CrawlsNoObject()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var sut = CreateSut();
        sut.Crawl();

        var again = sut.Crawl();

        Assert.Equal((0, 1), (again.ObjectsCrawled, again.ObjectsTotal));
        Assert.Equal(1, Catalog("SELECT count(*) FROM raw_purchases"));
    }

    [Fact]
    public void Crawl_ChangedObject_RecrawlsOnlyIt()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var key = Some.Land(home, "raw/2024/05/01/b.csv", "user_id\nUSI_1\n");
        var sut = CreateSut();
        Assert.Single(sut.Crawl().Mismatches);
        Some.Land(home, key, Some.Csv([Some.Row(2), Some.Row(3)]));
        File.SetLastWriteTimeUtc(home.PathOf(key), File.GetLastWriteTimeUtc(home.PathOf(key)).AddSeconds(5));

        var again = sut.Crawl();

        Assert.Equal((1, 2), (again.ObjectsCrawled, again.ObjectsTotal));
        Assert.Empty(again.Mismatches);
        Assert.Equal(3, Catalog("SELECT count(*) FROM raw_purchases"));
    }

    [Fact]
    public void Crawl_ObjectDeleted_DroppedFromTheCatalog()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var gone = Some.Land(home, "raw/2024/05/01/b.csv", Some.Csv([Some.Row(2)]));
        var sut = CreateSut();
        sut.Crawl();
        File.Delete(home.PathOf(gone));

        var again = sut.Crawl();

        Assert.Equal((0, 1), (again.ObjectsCrawled, again.ObjectsTotal));
        Assert.Equal(1, Catalog("SELECT count(*) FROM raw_purchases"));
        Assert.Equal(1, Catalog("SELECT count(*) FROM crawled_objects"));
    }

    [Fact]
    public void Crawl_EmptyLanding_RegistersEmptyTables()
    {
        var result = CreateSut().Crawl();

        Assert.Equal((0, 0), (result.ObjectsCrawled, result.ObjectsTotal));
        Assert.Equal(0, Catalog("SELECT count(*) FROM raw_purchases"));
        Assert.Equal(0, Catalog("SELECT count(*) FROM clean_purchases"));
        Assert.Equal(0, Catalog("SELECT count(*) FROM run_manifests"));
    }

    [Fact]
    public void Crawl_AfterAJobRun_LakeTablesQueryableInTheCatalog()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2), Some.Row(3, "2024-05-02"), Some.Row(4).With("discount", "-1")]));
        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();

        CreateSut().Crawl();

        Assert.Equal(3, Catalog("SELECT count(*) FROM clean_purchases"));
        Assert.Equal(1, Catalog($"SELECT count(*) FROM rejected_purchases WHERE run_id = '{manifest.RunId}'"));
        Assert.Equal(3, Catalog("SELECT CAST(sum(orders) AS BIGINT) FROM agg_daily_category"));
        Assert.Equal(3, Catalog("SELECT CAST(sum(orders) AS BIGINT) FROM agg_daily_segment"));
        Assert.Equal(1, Catalog("SELECT count(*) FROM run_manifests"));
        Assert.Equal(2, Catalog($"SELECT count(*) FROM run_partitions WHERE run_id = '{manifest.RunId}'"));
    }

    [Fact]
    public void Crawl_AfterAJobRun_RunPartitionsHasTheColumnTypesOfAthenasView()
    {
        // infra LakeTables.RunPartitionsColumns: run_id varchar, purchase_date varchar, row_count bigint. Athena
        // refuses to compare a date with the text purchase_date, so the local catalog must not hand out a DATE.
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();

        CreateSut().Crawl();

        using var catalog = Duck.Duck.Open(home.Catalog);
        var columns = catalog.Query(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'run_partitions' ORDER BY column_index",
            r => (r.GetString(0), r.GetString(1)));
        Assert.Equal([("run_id", "VARCHAR"), ("purchase_date", "VARCHAR"), ("row_count", "BIGINT")], columns);
    }

    [Fact]
    public void Crawl_AfterEarlierCrawls_OpensOnlyTheNewObject()
    {
        // As Glue's incremental crawl (RecrawlPolicy CRAWL_NEW_FOLDERS_ONLY): what the catalog holds is not read again.
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2, "2024-05-02")]));
        new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();
        CreateSut().Crawl();
        // The registered object and the lake's files made unreadable; the object keeps its size and time, so its ETag is unchanged.
        var registered = home.PathOf("raw/2024/05/01/a.csv");
        var stamp = File.GetLastWriteTimeUtc(registered);
        File.WriteAllBytes(registered, Enumerable.Repeat((byte)0xFF, (int)new FileInfo(registered).Length).ToArray());
        File.SetLastWriteTimeUtc(registered, stamp);
        foreach (var file in Directory.GetFiles(home.Lake, "*.parquet", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, "not parquet");
        }

        Some.Land(home, "raw/2024/05/03/b.csv", Some.Csv([Some.Row(3, "2024-05-03")]));

        var result = CreateSut().Crawl();

        Assert.Equal((1, 2), (result.ObjectsCrawled, result.ObjectsTotal));
        Assert.Empty(result.Mismatches);
        Assert.Equal(1, Catalog("SELECT count(*) FROM read_csv_auto(" + Duck.Duck.PathLiteral(home.PathOf("raw/2024/05/03/b.csv")) + ")"));
        Assert.Equal(1, Catalog("SELECT count(*) FROM duckdb_views() WHERE view_name = 'raw_purchases' AND sql LIKE '%/b.csv%'"));
    }

    [Fact]
    public void Crawl_ObjectsWithColumnsInAnotherOrder_EachReadByItsOwnHeader()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var reversed = PurchaseSchema.ColumnNames.Reverse().ToList();
        Some.Land(home, "raw/2024/05/01/b.csv", string.Join(',', reversed) + "\n" + string.Join(',', reversed.Select(c => Some.Row(2)[c])) + "\n");

        CreateSut().Crawl();

        Assert.Equal(2, Catalog("SELECT count(*) FROM raw_purchases WHERE payment_method = 'credit_card' AND user_id LIKE 'USI_%'"));
    }

    private long Catalog(string sql)
    {
        using var catalog = Duck.Duck.Open(home.Catalog);
        return catalog.ScalarLong(sql);
    }

    private LocalCrawler CreateSut() => new(home);
}
