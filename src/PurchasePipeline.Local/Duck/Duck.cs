using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;

namespace PurchasePipeline.Local.Duck;

/// <summary>Small helpers over a DuckDB connection: open, execute, read a scalar, quote literals.</summary>
internal static class Duck
{
    /// <summary>An open in-memory DuckDB database with DuckDB's defaults; one that reads the lake or a batch: <see cref="DuckMemory.Open"/>.</summary>
    public static DuckDBConnection OpenInMemory() => Open(":memory:");

    /// <summary>An open DuckDB database stored in <paramref name="path"/> (created if absent).</summary>
    public static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection("DataSource=" + path);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// How long another process's lock on a database file is waited for. DuckDB lets one process at a time open a
    /// file for writing; the holders here (a crawl, an execution's start or end record) keep it for well under a second.
    /// </summary>
    public static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Opens a database file, waiting up to <see cref="LockPatience"/> while another process holds its lock, so
    /// concurrent commands on one home take turns instead of failing.
    /// </summary>
    /// <exception cref="IOException">The file stayed locked: one line naming it and how long it was waited for.</exception>
    /// <exception cref="DuckDBException">The file cannot be opened for another reason (not a database).</exception>
    public static DuckDBConnection OpenWaitingForLock(string path)
    {
        var deadline = Environment.TickCount64 + (long)LockPatience.TotalMilliseconds;
        while (true)
        {
            try
            {
                return Open(path);
            }
            catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                if (Environment.TickCount64 >= deadline)
                {
                    throw new IOException(
                        $"{path}: still locked by another process after {LockPatience.TotalSeconds:0} s ({e.Message.Split('\n')[0].Trim()}); close the other process's connection (a duckdb CLI?) and try again",
                        e);
                }

                // A real pause (not the engine's scaled clock): the other process releases the file in real time.
                Task.Delay(100).GetAwaiter().GetResult();
            }
        }
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
