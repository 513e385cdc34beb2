using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;

namespace PurchasePipeline.Local.Duck;

/// <summary>Small helpers over a DuckDB connection: open, execute, read a scalar, quote literals.</summary>
internal static class Duck
{
    /// <summary>An open in-memory DuckDB database.</summary>
    public static DuckDBConnection OpenInMemory() => Open(":memory:");

    /// <summary>An open DuckDB database stored in <paramref name="path"/> (created if absent).</summary>
    public static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection("DataSource=" + path);
        connection.Open();
        return connection;
    }

    public static void Execute(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long ScalarLong(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps each row.</summary>
    public static List<T> Query<T>(this DuckDBConnection connection, string sql, Func<DbDataReader, T> map, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A SQL string literal: single quotes doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A path as a SQL string literal, with forward slashes so DuckDB globs work everywhere.</summary>
    public static string PathLiteral(string path) => Literal(path.Replace('\\', '/'));

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        return command;
    }
}
