using System.Collections.Concurrent;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// Athena on the local plane: a query runs on DuckDB over the lake's tables when it is started, and its
/// result is kept for GetQueryResults. A query that cannot run (bad SQL, or not one parameter per
/// <c>?</c>) is a FAILED query with the reason, as in Athena, never an exception at start; values are
/// the text Athena writes (<see cref="AthenaText"/>).
/// </summary>
/// <remarks>
/// A query whose parameters all name one committed run (a glue/validation rule: every <c>?</c> is the run id) sees
/// that run's scope (<see cref="LakeViews.CreateForRun"/>), as Athena prunes to the partitions the run id and the
/// run's manifest name: the tables hold just what the rules read, so validating a run opens only its files. The
/// queries of one run share one DuckDB connection, its views bound once; any other query gets the whole lake.
/// Every database holds at most the configured memory limit (<see cref="DuckMemory"/>); a query that needs more and
/// cannot spill the rest is a FAILED query whose reason names the limit and the variable that raises it.
/// </remarks>
public sealed class LocalQueryService : IQueryService
{
    private readonly ConcurrentDictionary<string, (QueryStatus Status, IReadOnlyList<IReadOnlyList<string?>> Rows)> queries = new(StringComparer.Ordinal);
    private readonly LocalHome home;
    private readonly DuckMemory memory;
    private readonly Action? opening;
    private readonly Lock gate = new();
    private (string RunId, DuckDBConnection Connection)? runScope;

    public LocalQueryService(LocalHome home)
        : this(home, new DuckMemory(home))
    {
    }

    /// <summary>A service whose databases hold <paramref name="memory"/>'s limit; <paramref name="opening"/> hears each open (tests count them).</summary>
    internal LocalQueryService(LocalHome home, DuckMemory memory, Action? opening = null)
    {
        this.home = home;
        this.memory = memory;
        this.opening = opening;
    }

    public Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var id = Guid.NewGuid().ToString();
        lock (gate)
        {
            var scoped = RunScopeOf(parameters);
            var connection = scoped ?? Open();
            try
            {
                if (scoped is null)
                {
                    LakeViews.Create(connection, home);
                }

                queries[id] = Placeholders(connection, sql) is { } expected && expected != parameters.Count
                    ? Failed(id, $"Incorrect number of parameters: expected {expected} but found {parameters.Count}")
                    : (new QueryStatus(id, "SUCCEEDED", null), Run(connection, sql, parameters));
            }
            catch (DuckDBException e)
            {
                queries[id] = Failed(id, DuckMemory.IsOutOfMemory(e) ? memory.Exceeded("the query", e).Message : e.Message.Split('\n')[0]);
            }
            finally
            {
                if (scoped is null)
                {
                    connection.Dispose();
                }
            }
        }

        return Task.FromResult(id);
    }

    /// <summary>
    /// The connection over the scope of the committed run every parameter names, opened for the first query of that
    /// run and kept for the next ones (the previous run's is closed); null when the parameters name no committed run.
    /// </summary>
    private DuckDBConnection? RunScopeOf(IReadOnlyList<string> parameters)
    {
        if (parameters.Count == 0 || parameters.Any(p => p != parameters[0]) || !IsCommittedRun(parameters[0]))
        {
            return null;
        }

        if (runScope is { } scope && scope.RunId == parameters[0])
        {
            return scope.Connection;
        }

        runScope?.Connection.Dispose();
        runScope = null;
        var connection = Open();
        try
        {
            LakeViews.CreateForRun(connection, home, parameters[0]);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        runScope = (parameters[0], connection);
        return connection;
    }

    private DuckDBConnection Open()
    {
        opening?.Invoke();
        return memory.Open();
    }

    private bool IsCommittedRun(string runId) =>
        runId.Length > 0 && runId.IndexOfAny(['/', '\\', '.']) < 0 && File.Exists(Path.Combine(home.Manifests, runId + ".json"));

    public Task<QueryStatus> GetQueryAsync(string queryId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(queryId).Status);

    public Task<IReadOnlyList<IReadOnlyList<string?>>> GetResultsAsync(string queryId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(queryId).Rows);

    private static List<IReadOnlyList<string?>> Run(DuckDBConnection connection, string sql, IReadOnlyList<string> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : AthenaText.Of(reader.GetValue(i)))]);
        }

        return rows;
    }

    /// <summary>
    /// How many <c>?</c> the statement has, from DuckDB's own parse (null when it does not prepare: running it
    /// reports why). DuckDB.NET binds extra parameters silently and throws for missing ones; Athena fails both.
    /// </summary>
    private static long? Placeholders(DuckDBConnection connection, string sql)
    {
        var state = NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out var statement);
        using (statement)
        {
            return state == DuckDBState.Success ? NativeMethods.PreparedStatements.DuckDBParams(statement) : null;
        }
    }

    private static (QueryStatus, IReadOnlyList<IReadOnlyList<string?>>) Failed(string id, string reason) =>
        (new QueryStatus(id, "FAILED", reason), []);

    private (QueryStatus Status, IReadOnlyList<IReadOnlyList<string?>> Rows) Find(string queryId) =>
        queries.TryGetValue(queryId, out var query) ? query : throw new EntityNotFoundException($"no query {queryId}");
}
