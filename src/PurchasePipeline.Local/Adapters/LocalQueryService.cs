using System.Collections.Concurrent;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// Athena on the local plane: a query runs on DuckDB over the lake's tables when it is started, and its
/// result is kept for GetQueryResults. A query that cannot run (bad SQL, or not one parameter per
/// <c>?</c>) is a FAILED query with the reason, as in Athena, never an exception at start; values are
/// the text Athena writes (<see cref="AthenaText"/>).
/// </summary>
public sealed class LocalQueryService(LocalHome home) : IQueryService
{
    private readonly ConcurrentDictionary<string, (QueryStatus Status, IReadOnlyList<IReadOnlyList<string?>> Rows)> queries = new(StringComparer.Ordinal);

    public Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var id = Guid.NewGuid().ToString();
        try
        {
            using var connection = Duck.Duck.OpenInMemory();
            LakeViews.Create(connection, home);
            queries[id] = Placeholders(connection, sql) is { } expected && expected != parameters.Count
                ? Failed(id, $"Incorrect number of parameters: expected {expected} but found {parameters.Count}")
                : (new QueryStatus(id, "SUCCEEDED", null), Run(connection, sql, parameters));
        }
        catch (DuckDBException e)
        {
            queries[id] = Failed(id, e.Message.Split('\n')[0]);
        }

        return Task.FromResult(id);
    }

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
