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
}
