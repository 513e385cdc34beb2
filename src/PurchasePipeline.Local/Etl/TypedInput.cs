using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// <c>typed_purchases</c>, the one view that reads raw_purchases (glue/sql/README.md): the raw objects typed by
/// glue/sql into tables, and the view their union. A big CSV object is typed as DuckDB's parallel CSV scanner reads
/// it, into a table of its own; the other objects are read together, each by a serial scan that numbers its records.
/// </summary>
/// <remarks>
/// A parallel scan cannot number the records (row_number() OVER () made the scan serial: 1.04 s against 0.65 s wall
/// for 1,000,000 rows on 2 cores), but with preserve_insertion_order a table created from it holds the records in
/// file order, so in a table of one object the record number is its rowid + 1 (tests compare it with the serial
/// scan's numbering, under a memory limit that makes DuckDB spill). The job turns that setting off for the rest of
/// the transform (<see cref="DuckMemory"/>); the read turns it on while it runs. DuckDB refuses, rather than misreads,
/// a quoted line break that falls on a boundary between its threads when null_padding is set (duckdb
/// test/sql/copy/csv/test_parallel_nullpadding.test): such an object is read again by a serial scan.
/// A statement per object costs more than the parallel scan saves on a small object: 20 objects of 50,000 rows
/// (6.7 MB each) took 4.8 s one by one and 2.8 s together (read on one thread, typed on two), while one object of
/// 1,000,000 rows (142 MB) took 2.0 s alone against 2.9 s (benchmark memory, 2 cores).
/// </remarks>
internal sealed class TypedInput
{
    /// <summary>The view this builds.</summary>
    public const string View = "typed_purchases";

    /// <summary>The size from which a CSV object is read on its own, by a parallel scan.</summary>
    internal const long ParallelFrom = 64L * 1024 * 1024;

    /// <summary>The view's shape when no object could be read.</summary>
    private const string NoObject = "typed_no_object";

    /// <summary>The objects read together.</summary>
    private const string Together = "typed_objects";

    private readonly DuckDBConnection connection;
    private readonly string typed = SqlFolder.Transform.Single(s => s.Name == View).Text;
    private readonly Dictionary<string, TypedTable> tables = new(StringComparer.Ordinal);

    private TypedInput(DuckDBConnection connection) => this.connection = connection;

    /// <summary>Why objects could not be read.</summary>
    public List<QuarantinedObject> Quarantined { get; } = [];

    /// <summary>
    /// Reads and types every object and defines <see cref="View"/>. An object DuckDB cannot read, through its own fault
    /// (<see cref="RawSources.IsObjectsFault"/>), is left out and listed in <see cref="Quarantined"/>: a failed
    /// CREATE TABLE leaves nothing behind.
    /// </summary>
    /// <param name="connection">The transform's connection.</param>
    /// <param name="objects">The objects to read.</param>
    /// <param name="runId">The run that reads them.</param>
    /// <param name="parallelFrom">The size from which a CSV object is read on its own (tests lower it).</param>
    public static TypedInput Read(DuckDBConnection connection, IReadOnlyList<RawObject> objects, string runId, long parallelFrom = ParallelFrom)
    {
        var input = new TypedInput(connection);
        input.Type(NoObject, RawSources.Empty);
        var alone = objects.Where(o => !o.IsJsonLines && ContentSize(o) >= parallelFrom).ToList();
        input.ReadTogether([.. objects.Except(alone)], runId);
        using (input.Setting("preserve_insertion_order", "true"))
        {
            alone.ForEach(raw => input.ReadAlone(raw, runId, parallel: true));
        }

        input.Define();
        return input;
    }

    /// <summary>Leaves an object's rows out of <see cref="View"/> (it changed while it was read).</summary>
    public void Remove(RawObject raw)
    {
        if (!tables.Remove(raw.Key, out var read))
        {
            return;
        }

        if (read.Name == Together)
        {
            connection.Execute($"DELETE FROM {Together} WHERE source_file = {Duck.Duck.Literal(raw.Key)}");
            return;
        }

        Define();
        connection.Execute("DROP TABLE " + read.Name);
    }

    /// <summary>The size of what DuckDB reads: a link's target's (the listing gives the link's own size).</summary>
    private static long ContentSize(RawObject raw) =>
        File.ResolveLinkTarget(raw.Path, returnFinalTarget: true) is FileInfo { Exists: true } target ? target.Length : raw.Size;

    /// <summary>Reads the objects in one statement (each scan serial, numbering its records); if one cannot be read, each on its own.</summary>
    private void ReadTogether(List<RawObject> objects, string runId)
    {
        if (objects.Count == 0)
        {
            return;
        }

        try
        {
            // One thread reads as fast as two here and with less CPU: each object's scan is serial anyway.
            using (Setting("threads", "1"))
            {
                connection.Execute("CREATE TEMP TABLE raw_purchases AS " + string.Join("\nUNION ALL\n", objects.Select(o => RawSources.Select(o, runId, parallel: false))));
            }

            connection.Execute($"CREATE TEMP TABLE {Together} AS\n{typed}");
            objects.ForEach(raw => tables.Add(raw.Key, new TypedTable(Together, NumberedByPlace: false)));
            return;
        }
        catch (DuckDBException e) when (RawSources.IsObjectsFault(e))
        {
            // One of them cannot be read: find which.
        }
        finally
        {
            connection.Execute("DROP TABLE IF EXISTS raw_purchases");
        }

        objects.ForEach(raw => ReadAlone(raw, runId, parallel: false));
    }

    /// <summary>Reads an object into a table of its own; a parallel scan DuckDB refuses is done again serially.</summary>
    private void ReadAlone(RawObject raw, string runId, bool parallel)
    {
        var table = "typed_object_" + tables.Count.ToString(CultureInfo.InvariantCulture);
        try
        {
            try
            {
                Type(table, RawSources.Select(raw, runId, parallel));
            }
            catch (DuckDBException e) when (parallel && e.ErrorType == DuckDBErrorType.ParameterNotAllowed)
            {
                parallel = false;
                Type(table, RawSources.Select(raw, runId, parallel));
            }

            tables.Add(raw.Key, new TypedTable(table, NumberedByPlace: parallel));
        }
        catch (DuckDBException e) when (RawSources.IsObjectsFault(e))
        {
            Quarantined.Add(new QuarantinedObject(raw.Key, raw.ETag, RawSources.Unreadable(raw, e)));
        }
    }

    /// <summary>Creates a table of glue/sql's typed rows over a raw SELECT.</summary>
    private void Type(string table, string raw)
    {
        try
        {
            connection.Execute("CREATE OR REPLACE TEMP VIEW raw_purchases AS " + raw);
            connection.Execute($"CREATE TEMP TABLE {table} AS\n{typed}");
        }
        finally
        {
            connection.Execute("DROP VIEW IF EXISTS raw_purchases");
        }
    }

    /// <summary>The union of the tables; the record number of an object read alone in parallel is its place in its table.</summary>
    private void Define()
    {
        var union = tables.Values.Distinct().Select(t => t.NumberedByPlace ? $"SELECT * REPLACE (rowid + 1 AS source_row) FROM {t.Name}" : $"SELECT * FROM {t.Name}").ToList();
        if (union.Count == 0)
        {
            union.Add($"SELECT * FROM {NoObject}");
        }

        connection.Execute($"CREATE OR REPLACE TEMP VIEW {View} AS\n" + string.Join("\nUNION ALL\n", union));
    }

    /// <summary>Sets a DuckDB setting until the result is disposed.</summary>
    private Restore Setting(string name, string value)
    {
        var before = connection.Query($"SELECT CAST(current_setting('{name}') AS VARCHAR)", r => r.GetString(0)).Single();
        connection.Execute($"SET {name} = {value}");
        return new Restore(() => connection.Execute($"SET {name} = {before}"));
    }

    private sealed record TypedTable(string Name, bool NumberedByPlace);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
