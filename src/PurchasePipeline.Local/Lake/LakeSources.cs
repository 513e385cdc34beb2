using PurchasePipeline.Core.Schema;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>DuckDB SELECTs over the lake's Parquet folders and the optional user dimension.</summary>
internal static class LakeSources
{
    /// <summary>Whether a hive-partitioned folder holds any Parquet yet.</summary>
    public static bool HasParquet(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any();

    /// <summary>All Parquet of a hive-partitioned folder (one level of key=value directories).</summary>
    public static string Parquet(string folder) =>
        $"SELECT * FROM read_parquet({PathLiteral(Path.Combine(folder, "*", "*.parquet"))}, hive_partitioning = true, union_by_name = true)";

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
