using System.Collections.Concurrent;
using System.Globalization;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// Athena on the local plane: a query runs on DuckDB over the lake's tables when it is started, and its
/// result is kept for GetQueryResults. A query that fails is a FAILED query with DuckDB's reason.
/// </summary>
public sealed class LocalQueryService(LocalHome home) : IQueryService
{
    private readonly ConcurrentDictionary<string, (QueryStatus Status, IReadOnlyList<IReadOnlyList<string?>> Rows)> queries = new(StringComparer.Ordinal);

    public Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        try
        {
            using var connection = Duck.Duck.OpenInMemory();
            LakeViews.Create(connection, home);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var value in parameters)
            {
                command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(value));
            }

            using var reader = command.ExecuteReader();
            var rows = new List<IReadOnlyList<string?>>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))]);
            }

            queries[id] = (new QueryStatus(id, "SUCCEEDED", null), rows);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            queries[id] = (new QueryStatus(id, "FAILED", e.Message.Split('\n')[0]), []);
        }

        return Task.FromResult(id);
    }

    public Task<QueryStatus> GetQueryAsync(string queryId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(queryId).Status);

    public Task<IReadOnlyList<IReadOnlyList<string?>>> GetResultsAsync(string queryId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(queryId).Rows);

    private (QueryStatus Status, IReadOnlyList<IReadOnlyList<string?>> Rows) Find(string queryId) =>
        queries.TryGetValue(queryId, out var query) ? query : throw new EntityNotFoundException($"no query {queryId}");
}
