using System.Globalization;
using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Runs the read of the raw objects into a table on one DuckDB thread, then gives the connection its threads back for
/// the typing. Each object is
/// read by one scanner (RawSources: parallel = false, its records numbered by row_number() OVER () as read), so the
/// read is serial whatever the setting. Measured on 2 cores, with the statement alone: for 1 and 2 files of 1,000,000
/// rows a second thread gave the same wall time and 1.4x the CPU time (2x in some runs); the whole job's CPU time
/// went from 12-18 s to 9.5 s with this and the leaner glue/sql (tests/PurchasePipeline.Benchmarks, memory).
/// </summary>
internal sealed class SerialRead : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly long threads;

    private SerialRead(DuckDBConnection connection, long threads)
    {
        this.connection = connection;
        this.threads = threads;
    }

    public static SerialRead Begin(DuckDBConnection connection)
    {
        var threads = connection.ScalarLong("SELECT CAST(current_setting('threads') AS BIGINT)");
        connection.Execute("SET threads = 1");
        return new SerialRead(connection, threads);
    }

    public void Dispose() => connection.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
}
