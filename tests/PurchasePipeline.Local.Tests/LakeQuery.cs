using System.Globalization;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Tests;

/// <summary>Queries the lake of a home the way a user would, through the lake views.</summary>
internal static class LakeQuery
{
    public static long Long(LocalHome home, string sql) => Convert.ToInt64(Scalar(home, sql), CultureInfo.InvariantCulture);

    public static decimal Decimal(LocalHome home, string sql) => Convert.ToDecimal(Scalar(home, sql), CultureInfo.InvariantCulture);

    public static object? Scalar(LocalHome home, string sql)
    {
        using var connection = Duck.Duck.OpenInMemory();
        LakeViews.Create(connection, home);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every row of a query as column → value (SQL NULL as null).</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Rows(LocalHome home, string sql)
    {
        using var connection = Duck.Duck.OpenInMemory();
        LakeViews.Create(connection, home);
        return connection.Query(sql, r => Enumerable.Range(0, r.FieldCount)
            .ToDictionary(r.GetName, i => r.IsDBNull(i) ? null : r.GetValue(i), StringComparer.Ordinal));
    }

    /// <summary>The only row of a query.</summary>
    public static Dictionary<string, object?> Single(LocalHome home, string sql) => Assert.Single(Rows(home, sql));
}
