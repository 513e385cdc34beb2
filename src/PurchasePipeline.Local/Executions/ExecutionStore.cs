using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Executions;

/// <summary>
/// Local executions in an embedded database (executions.duckdb under the home): each execution with its
/// input, status, times, output, error and cause, and every history event with the state's input and
/// output, like the Step Functions console keeps them.
/// </summary>
public sealed class ExecutionStore(LocalHome home)
{
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
    public ExecutionRecorder Start(string executionId, string name, string stateMachine, string input, DateTimeOffset startedAt)
    {
        using (var connection = Open())
        {
            connection.Execute($"""
                INSERT INTO executions VALUES ({Duck.Duck.Literal(executionId)}, {Duck.Duck.Literal(name)}, {Duck.Duck.Literal(stateMachine)},
                    'RUNNING', {Timestamp(startedAt)}, NULL, {Duck.Duck.Literal(input)}, NULL, NULL, NULL, 0)
                """);
        }

        return new ExecutionRecorder(Open, executionId);
    }

    /// <summary>Executions, newest first.</summary>
    public IReadOnlyList<ExecutionRecord> List(int limit = 100)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        using var connection = Open();
        return connection.Query($"SELECT * FROM executions ORDER BY {NewestFirst} LIMIT {limit}", Read);
    }

    /// <summary>One execution by its id or name (or a unique prefix of either), or null.</summary>
    public ExecutionRecord? Find(string idOrName)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        using var connection = Open();
        var matches = connection.Query(
            $"SELECT * FROM executions WHERE execution_id = $1 OR name = $1 OR starts_with(name, $1) OR starts_with(execution_id, $1) ORDER BY {NewestFirst}",
            Read,
            idOrName);
        return matches.Count == 1 ? matches[0] : matches.FirstOrDefault(m => m.ExecutionId == idOrName || m.Name == idOrName);
    }

    /// <summary>The history of an execution, in order.</summary>
    public IReadOnlyList<ExecutionEventRecord> Events(string executionId)
    {
        using var connection = Open();
        return connection.Query(
            "SELECT sequence, type, timestamp, state_name, payload, error, cause FROM execution_events WHERE execution_id = $1 ORDER BY sequence",
            r => new ExecutionEventRecord(r.GetInt32(0), r.GetString(1), Offset(r.GetDateTime(2)), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6)),
            executionId);
    }

    internal static string Timestamp(DateTimeOffset value) => $"TIMESTAMP '{value.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}'";

    private static DateTimeOffset Offset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static ExecutionRecord Read(System.Data.Common.DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Offset(r.GetDateTime(4)),
        r.IsDBNull(5) ? null : Offset(r.GetDateTime(5)), r.GetString(6), Text(r, 7), Text(r, 8), Text(r, 9), r.GetInt32(10));

    private DuckDBConnection Open()
    {
        Directory.CreateDirectory(home.Root);
        var connection = OpenWaitingForLock();
        // Connections of one process share the database; two of them creating the tables at once fail with
        // "Catalog write-write conflict on create" (watch starting an execution while executions are listed).
        lock (SchemaGate)
        {
            CreateTables(connection);
        }

        return connection;
    }

    /// <summary>
    /// DuckDB lets one process at a time open a database file for writing; another process's short write
    /// is waited for (up to about five seconds) instead of failing at once.
    /// </summary>
    /// <exception cref="IOException">The file stayed locked by another process.</exception>
    private DuckDBConnection OpenWaitingForLock()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Duck.Duck.Open(FilePath);
            }
            catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                if (attempt == 50)
                {
                    throw new IOException($"{FilePath}: locked by another purchase-pipeline process ({e.Message.Split('\n')[0]})", e);
                }

                Task.Delay(100).GetAwaiter().GetResult();
            }
        }
    }

    private static void CreateTables(DuckDBConnection connection) =>
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS executions (
                execution_id VARCHAR PRIMARY KEY, name VARCHAR, state_machine VARCHAR, status VARCHAR,
                started_at TIMESTAMP, stopped_at TIMESTAMP, input VARCHAR, output VARCHAR, error VARCHAR, cause VARCHAR,
                state_transitions INTEGER);
            CREATE TABLE IF NOT EXISTS execution_events (
                execution_id VARCHAR, sequence INTEGER, type VARCHAR, timestamp TIMESTAMP, state_name VARCHAR,
                payload VARCHAR, error VARCHAR, cause VARCHAR);
            """);
}
