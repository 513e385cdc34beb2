namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// A Hive-partitioned Parquet folder of the lake (NAME=VALUE/*.parquet) as a DuckDB table expression.
/// </summary>
/// <remarks>
/// read_parquet fails on a glob that matches nothing, and before the first run nothing is there, so
/// <see cref="Find"/> answers null for a folder without partition files and the caller shows "no data yet".
/// </remarks>
internal sealed record LakeTable(string Folder)
{
    /// <summary>The aggregate view names, as the glue/sql files name them (10_agg_daily_category.sql …).</summary>
    public const string DailyCategory = "agg_daily_category";

    public const string DailyDevice = "agg_daily_device";

    public const string DailyPayment = "agg_daily_payment";

    public const string DailyBrand = "agg_daily_brand";

    public const string DailySegment = "agg_daily_segment";

    /// <summary>The table expression for a FROM clause.</summary>
    public string Sql
    {
        get
        {
            var glob = Path.Combine(Folder, "*", "*.parquet").Replace('\\', '/');
            return "read_parquet('" + glob.Replace("'", "''", StringComparison.Ordinal)
                + "', hive_partitioning = true, union_by_name = true)";
        }
    }

    /// <summary>The folder as a table, or null while it holds no partition files.</summary>
    public static LakeTable? Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var hasFiles = Directory.EnumerateDirectories(folder)
            .Any(partition => Directory.EnumerateFiles(partition, "*.parquet").Any());
        return hasFiles ? new LakeTable(folder) : null;
    }
}
