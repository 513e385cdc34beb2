using DuckDB.NET.Data;
using PurchasePipeline.Local.Alerts;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Local.Executions;

/// <summary>
/// Local executions in an embedded database (executions.duckdb under the home): each execution with its
/// input, status, times, output, error and cause, and every history event with the state's input and
/// output, like the Step Functions console keeps them. Each RUNNING execution names the process that runs
/// it; whoever opens the store closes the RUNNING executions whose process is gone (killed, crashed) as
/// ABORTED with error <see cref="ProcessLostError"/> and an alert, so the list never shows a dead execution
/// as running.
/// </summary>
public sealed partial class ExecutionStore(LocalHome home, TimeProvider? time = null)
{
    /// <summary>The error of an execution closed because the process that ran it ended without recording its outcome.</summary>
    public const string ProcessLostError = "Local.ProcessLost";

    /// <summary>The error of an execution aborted because its process was stopped (SIGINT, SIGTERM) while it ran.</summary>
    public const string StoppedError = "Local.Stopped";

    /// <summary>
    /// Start time, then insertion order (rowid): executions started within the clock's resolution (or on a
    /// fixed clock) still list in the order they started, not by the random part of their ids.
    /// </summary>
    private const string NewestFirst = "started_at DESC, rowid DESC";

    private static readonly Lock SchemaGate = new();

    /// <summary>The database file.</summary>
    public string FilePath => Path.Combine(home.Root, "executions.duckdb");

    /// <summary>
    /// Records a new RUNNING execution and returns a listener that keeps its events and stores them with
    /// the outcome. The database is opened only for those two short writes, so another process (a second
    /// terminal listing executions while watch runs) is not locked out for a whole execution.
    /// </summary>
    /// <remarks><paramref name="rerunOf"/>: the execution this one reruns (<c>rerun ID</c>), shown by both.</remarks>
    public ExecutionRecorder Start(string executionId, string name, string stateMachine, string input, DateTimeOffset startedAt, string? rerunOf = null)
    {
        var owner = ExecutionOwner.Current;
        using (var connection = Open())
        {
            connection.Execute($"""
                INSERT INTO executions (execution_id, name, state_machine, status, started_at, input, state_transitions, owner_pid, owner_started_at, rerun_of)
                VALUES ({Duck.Duck.Literal(executionId)}, {Duck.Duck.Literal(name)}, {Duck.Duck.Literal(stateMachine)},
                    'RUNNING', {Timestamp(startedAt)}, {Duck.Duck.Literal(input)}, 0, {owner.ProcessId}, {Timestamp(owner.ProcessStartedAt)}, {(rerunOf is null ? "NULL" : Duck.Duck.Literal(rerunOf))})
                """);
        }

        return new ExecutionRecorder(Open, executionId);
    }

    /// <summary>
    /// Keeps the database open until disposed, so the store's calls in between share one DuckDB instance (DuckDB.NET
    /// keeps a file's database while a connection to it is open) instead of each opening the file and checkpointing it
    /// on close (~100 ms). Held only across calls that run back to back, never across an execution, so another process
    /// waits on the file no longer than before.
    /// </summary>
    public IDisposable Hold() => Open();

    /// <summary>Executions, newest first; only those with <paramref name="status"/> (SUCCEEDED, FAILED, …) when given.</summary>
    public IReadOnlyList<ExecutionRecord> List(int limit = 100, string? status = null)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        return Reading(connection => connection.Query(
            $"SELECT * FROM executions WHERE CAST($1 AS VARCHAR) IS NULL OR status = $1 ORDER BY {NewestFirst} LIMIT {limit}", Read, (object?)status ?? DBNull.Value));
    }

    /// <summary>The executions started by <c>rerun</c> of this one, oldest first.</summary>
    public IReadOnlyList<ExecutionRecord> RerunsOf(string executionId) =>
        !File.Exists(FilePath) ? [] : Reading(connection => connection.Query("SELECT * FROM executions WHERE rerun_of = $1 ORDER BY started_at, rowid", Read, executionId));

    /// <summary>One execution by its id or name (or a unique prefix of either), or null (none, or a prefix of several: see <see cref="Matches"/>).</summary>
    public ExecutionRecord? Find(string idOrName) => Matches(idOrName) is [var only] ? only : null;

    /// <summary>
    /// The executions <paramref name="idOrName"/> names: the one whose id or name it is, else every one whose id or
    /// name starts with it, newest first (several: the prefix is ambiguous).
    /// </summary>
    public IReadOnlyList<ExecutionRecord> Matches(string idOrName)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var matches = Reading(connection => connection.Query(
            $"SELECT * FROM executions WHERE execution_id = $1 OR name = $1 OR starts_with(name, $1) OR starts_with(execution_id, $1) ORDER BY {NewestFirst}",
            Read,
            idOrName));
        return matches.Where(m => m.ExecutionId == idOrName || m.Name == idOrName).Take(1).ToList() is [var exact] ? [exact] : matches;
    }

    /// <summary>The history of an execution, in order.</summary>
    public IReadOnlyList<ExecutionEventRecord> Events(string executionId)
    {
        return Reading(connection => connection.Query(
            "SELECT sequence, type, timestamp, state_name, payload, error, cause FROM execution_events WHERE execution_id = $1 ORDER BY sequence",
            r => new ExecutionEventRecord(r.GetInt32(0), r.GetString(1), Offset(r.GetDateTime(2)), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6)),
            executionId));
    }

    /// <summary>The path an execution took: its StateEntered events, failed unless it succeeded or still runs.</summary>
    public ExecutionPath PathOf(ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return ExecutionPath.Of(
            Events(execution.ExecutionId).Where(e => e.Type == nameof(HistoryEventType.StateEntered) && e.StateName is not null).Select(e => e.StateName!).ToList(),
            execution.Status is not ("SUCCEEDED" or "RUNNING"));
    }

    /// <summary>
    /// The objects whose Object Created event has been handled: each (key, etag) with an execution that was
    /// not aborted, and whether one of those still runs.
    /// </summary>
    public IReadOnlyDictionary<(string Key, string ETag), bool> HandledObjects()
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<(string, string), bool>();
        }

        return Reading(connection => connection.Query(
            """
            SELECT json_extract_string(input, '$.detail.object.key') AS key, json_extract_string(input, '$.detail.object.etag') AS etag,
                bool_or(status = 'RUNNING')
            FROM executions WHERE status <> 'ABORTED' AND json_valid(input)
            GROUP BY key, etag
            """,
            r => KeyValuePair.Create((Text(r, 0) ?? string.Empty, Text(r, 1) ?? string.Empty), r.GetBoolean(2))).ToDictionary());
    }

    internal static string Timestamp(DateTimeOffset value) => $"TIMESTAMP '{value.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}'";

    private static DateTimeOffset Offset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static ExecutionRecord Read(System.Data.Common.DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Offset(r.GetDateTime(4)),
        r.IsDBNull(5) ? null : Offset(r.GetDateTime(5)), r.GetString(6), Text(r, 7), Text(r, 8), Text(r, 9), r.GetInt32(10))
    {
        RerunOf = Text(r, r.GetOrdinal("rerun_of")),
        RedriveCount = r.IsDBNull(r.GetOrdinal("redrive_count")) ? 0 : r.GetInt32(r.GetOrdinal("redrive_count")),
        RedriveDate = r.IsDBNull(r.GetOrdinal("redrive_date")) ? null : Offset(r.GetDateTime(r.GetOrdinal("redrive_date"))),
    };

    /// <summary>Runs a read on an open connection; a database damaged past its header fails only when read.</summary>
    /// <exception cref="InvalidDataException">The file is damaged.</exception>
    private T Reading<T>(Func<DuckDBConnection, T> read)
    {
        using var connection = Open();
        try
        {
            return read(connection);
        }
        catch (DuckDBException e)
        {
            throw Damaged(e);
        }
    }

    private InvalidDataException Damaged(DuckDBException e) =>
        new($"{FilePath}: not a readable executions database ({FirstLine(e.Message)}); move it aside to start a new history", e);

    /// <exception cref="InvalidDataException">The file is not a DuckDB database this version can read (truncated, damaged).</exception>
    private DuckDBConnection Open()
    {
        Directory.CreateDirectory(home.Root);
        var connection = OpenWaitingForLock();
        try
        {
            // Connections of one process share the database; two of them creating the tables at once fail with
            // "Catalog write-write conflict on create" (watch starting an execution while executions are listed).
            lock (SchemaGate)
            {
                CreateTables(connection);
            }

            CloseAbandoned(connection);
            return connection;
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw Damaged(e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Closes each RUNNING execution whose process is gone: ABORTED (as StopExecution would leave it), with
    /// the cause and an alert in alerts/. An execution a live process runs is left alone.
    /// </summary>
    private void CloseAbandoned(DuckDBConnection connection)
    {
        var running = connection.Query(
            "SELECT execution_id, name, input, owner_pid, owner_started_at FROM executions WHERE status = 'RUNNING'",
            r => (Id: r.GetString(0), Name: r.GetString(1), Input: r.GetString(2),
                Owner: r.IsDBNull(3) ? (ExecutionOwner?)null : new ExecutionOwner(r.GetInt32(3), Offset(r.GetDateTime(4)))));
        foreach (var execution in running.Where(e => e.Owner is not { IsAlive: true }))
        {
            var now = (time ?? TimeProvider.System).GetUtcNow();
            var process = execution.Owner is { } owner ? "the process that ran it (" + owner + ")" : "the process that ran it";
            var cause = $"{process} ended before the execution did (killed or crashed); what its job committed stays and is not read twice: restart watch, or rerun {execution.Name}, to finish its object";
            var closed = connection.Query(
                "UPDATE executions SET status = 'ABORTED', stopped_at = $1::TIMESTAMP, error = $2, cause = $3 WHERE execution_id = $4 AND status = 'RUNNING' RETURNING *",
                Read,
                now.UtcDateTime, ProcessLostError, cause, execution.Id);
            if (closed is [var aborted])
            {
                // The status change the alert rule pages for, as for any other end (Alerts/ExecutionAlert.cs).
                ExecutionAlert.Publish(home, aborted, now);
            }
        }
    }

    private DuckDBConnection OpenWaitingForLock()
    {
        try
        {
            return Duck.Duck.OpenWaitingForLock(FilePath);
        }
        catch (DuckDBException e)
        {
            throw Damaged(e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static void CreateTables(DuckDBConnection connection) =>
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS executions (
                execution_id VARCHAR PRIMARY KEY, name VARCHAR, state_machine VARCHAR, status VARCHAR,
                started_at TIMESTAMP, stopped_at TIMESTAMP, input VARCHAR, output VARCHAR, error VARCHAR, cause VARCHAR,
                state_transitions INTEGER);
            CREATE TABLE IF NOT EXISTS execution_events (
                execution_id VARCHAR, sequence INTEGER, type VARCHAR, timestamp TIMESTAMP, state_name VARCHAR,
                payload VARCHAR, error VARCHAR, cause VARCHAR);
            ALTER TABLE executions ADD COLUMN IF NOT EXISTS owner_pid INTEGER;
            ALTER TABLE executions ADD COLUMN IF NOT EXISTS owner_started_at TIMESTAMP;
            ALTER TABLE executions ADD COLUMN IF NOT EXISTS rerun_of VARCHAR;
            ALTER TABLE executions ADD COLUMN IF NOT EXISTS redrive_count INTEGER;
            ALTER TABLE executions ADD COLUMN IF NOT EXISTS redrive_date TIMESTAMP;
            """);
}
