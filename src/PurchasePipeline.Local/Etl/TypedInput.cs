using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// <c>typed_purchases</c>, the one view that reads raw_purchases (glue/sql/README.md): each raw object is typed by
/// glue/sql as DuckDB's parallel CSV scanner reads it, into a table of its own, and the view is their union. Nothing
/// holds the raw text of the batch, and the read runs on every thread.
/// </summary>
/// <remarks>
/// A parallel scan cannot number the records (row_number() OVER () made the whole read serial: 1.04 s against 0.65 s
/// wall for 1,000,000 rows on 2 cores), but with preserve_insertion_order a table created from it holds the records
/// in file order, so in a table of one object the record number is its rowid + 1 (tests compare it with the serial
/// scan's numbering, under a memory limit that makes DuckDB spill). The job turns that setting off for the rest of
/// the transform (<see cref="DuckMemory"/>); the read turns it on while it runs. DuckDB refuses, rather than misreads, a quoted line break that falls on a
/// boundary between its threads when null_padding is set (duckdb test/sql/copy/csv/test_parallel_nullpadding.test):
/// such an object is read again on one thread.
/// </remarks>
internal sealed class TypedInput
{
    /// <summary>The view this builds.</summary>
    public const string View = "typed_purchases";

    /// <summary>The view's shape when no object could be read.</summary>
    private const string NoObject = "typed_no_object";

    private readonly DuckDBConnection connection;
    private readonly Dictionary<string, (string Table, bool Numbered)> tables = new(StringComparer.Ordinal);

    private TypedInput(DuckDBConnection connection) => this.connection = connection;

    /// <summary>Why objects could not be read, in the order they were read.</summary>
    public List<QuarantinedObject> Quarantined { get; } = [];

    /// <summary>
    /// Reads and types every object and defines <see cref="View"/>. An object DuckDB cannot read, through its own fault
    /// (<see cref="RawSources.IsObjectsFault"/>), is left out and listed in <see cref="Quarantined"/>: a failed
    /// CREATE TABLE leaves nothing behind.
    /// </summary>
    public static TypedInput Read(DuckDBConnection connection, IReadOnlyList<RawObject> objects, string runId)
    {
        var input = new TypedInput(connection);
        var typed = SqlFolder.Transform.Single(s => s.Name == View).Text;
        connection.Execute("CREATE OR REPLACE TEMP VIEW raw_purchases AS " + RawSources.Empty);
        connection.Execute($"CREATE TEMP TABLE {NoObject} AS\n{typed}");
        var preserved = connection.Query("SELECT current_setting('preserve_insertion_order')", r => r.GetBoolean(0)).Single();
        connection.Execute("SET preserve_insertion_order = true");
        foreach (var raw in objects)
        {
            var table = "typed_object_" + input.tables.Count.ToString(CultureInfo.InvariantCulture);
            try
            {
                input.ReadOne(raw, runId, table, typed);
                input.tables.Add(raw.Key, (table, !raw.IsJsonLines));
            }
            catch (DuckDBException e) when (RawSources.IsObjectsFault(e))
            {
                input.Quarantined.Add(new QuarantinedObject(raw.Key, raw.ETag, RawSources.Unreadable(raw, e)));
            }
        }

        connection.Execute($"SET preserve_insertion_order = {(preserved ? "true" : "false")}");
        connection.Execute("DROP VIEW raw_purchases");
        input.Define();
        return input;
    }

    /// <summary>Leaves an object's rows out of <see cref="View"/> (it changed while it was read).</summary>
    public void Remove(RawObject raw)
    {
        if (tables.Remove(raw.Key, out var read))
        {
            Define();
            connection.Execute("DROP TABLE " + read.Table);
        }
    }

    private void ReadOne(RawObject raw, string runId, string table, string typed)
    {
        try
        {
            connection.Execute("CREATE OR REPLACE TEMP VIEW raw_purchases AS " + RawSources.Select(raw, runId, parallel: true));
            connection.Execute($"CREATE TEMP TABLE {table} AS\n{typed}");
        }
        catch (DuckDBException e) when (e.ErrorType == DuckDBErrorType.ParameterNotAllowed)
        {
            connection.Execute("CREATE OR REPLACE TEMP VIEW raw_purchases AS " + RawSources.Select(raw, runId, parallel: false));
            connection.Execute($"CREATE TEMP TABLE {table} AS\n{typed}");
        }
    }

    /// <summary>The union of the objects' tables; a CSV record's number is its place in its table.</summary>
    private void Define()
    {
        IEnumerable<string> union = tables.Count == 0
            ? [$"SELECT * FROM {NoObject}"]
            : tables.Values.Select(t => t.Numbered ? $"SELECT * REPLACE (rowid + 1 AS source_row) FROM {t.Table}" : $"SELECT * FROM {t.Table}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW {View} AS\n" + string.Join("\nUNION ALL\n", union));
    }
}
