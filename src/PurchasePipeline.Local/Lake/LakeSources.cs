using PurchasePipeline.Core.Schema;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>DuckDB SELECTs over the lake's Parquet folders and the optional user dimension.</summary>
internal static class LakeSources
{
    /// <summary>Whether a hive-partitioned folder holds any Parquet yet.</summary>
    public static bool HasParquet(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any();

    /// <summary>How the lake's Parquet is read: partition columns from key=value directories, files' columns unioned by name.</summary>
    private const string ParquetOptions = "hive_partitioning = true, union_by_name = true";

    /// <summary>All Parquet of a hive-partitioned folder (one level of key=value directories).</summary>
    public static string Parquet(string folder) =>
        $"SELECT * FROM read_parquet({PathLiteral(Path.Combine(folder, "*", "*.parquet"))}, {ParquetOptions})";

    /// <summary>
    /// The Parquet of some partitions (key=value directories) of a hive-partitioned folder. Only those
    /// files are opened: a filter on the partition column over <see cref="Parquet(string)"/> still reads
    /// every file's schema, for union_by_name.
    /// </summary>
    public static string Parquet(IReadOnlyList<string> partitions) =>
        $"SELECT * FROM read_parquet([{string.Join(", ", partitions.Select(p => PathLiteral(Path.Combine(p, "*.parquet"))))}], {ParquetOptions})";

    /// <summary>The user dimension as text, or an empty table with its columns when there is none.</summary>
    public static string Users(LocalHome home)
    {
        if (Directory.Exists(home.Users) && Directory.EnumerateFiles(home.Users, "*.csv").Any())
        {
            var columns = string.Join(", ", UserSchema.ColumnNames.Select(c => $"{Literal(c)}: 'VARCHAR'"));
            return $"SELECT * FROM read_csv({PathLiteral(Path.Combine(home.Users, "*.csv"))}, auto_detect = false, header = true, delim = ',', quote = '\"', escape = '\"', null_padding = true, columns = {{{columns}}})";
        }

        return "SELECT " + string.Join(", ", UserSchema.ColumnNames.Select(c => "CAST(NULL AS VARCHAR) AS " + c)) + " WHERE false";
    }
}
