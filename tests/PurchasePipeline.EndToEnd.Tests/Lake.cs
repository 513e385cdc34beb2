using DuckDB.NET.Data;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.EndToEnd.Tests;

/// <summary>Counts rows of the lake's tables as a user of the catalog would see them.</summary>
internal static class Lake
{
    public static long Count(LocalHome home, string table) => Scalar(home, $"SELECT count(*) FROM {table}");

    public static long CountDistinct(LocalHome home, string table, string column) => Scalar(home, $"SELECT count(DISTINCT {column}) FROM {table}");

    /// <summary>The (text, number) rows of a query over the lake's tables whose second column is a number as text.</summary>
    public static List<(string, decimal)> Pairs(LocalHome home, string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        LakeViews.Create(connection, home);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, decimal)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), decimal.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>A whole number a query over the lake's tables returns (a count, a revenue in cents).</summary>
    public static long Scalar(LocalHome home, string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        LakeViews.Create(connection, home);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
