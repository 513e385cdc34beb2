using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.TestUtils.Fakes;

/// <summary>A query engine whose answers a test scripts per query id (q-1, q-2, … in start order); records every call.</summary>
public sealed class FakeQueryService : IQueryService
{
    private readonly Dictionary<string, QueryStatus> statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>> results = new(StringComparer.Ordinal);

    /// <summary>Every started query: its id, SQL and parameters, in order.</summary>
    public List<StartedQuery> Started { get; } = [];

    /// <summary>Query ids GetQueryAsync was called with, in order.</summary>
    public List<string> Polled { get; } = [];

    /// <summary>Query ids GetResultsAsync was called with, in order.</summary>
    public List<string> ResultsRead { get; } = [];

    /// <summary>What GetQueryAsync reports for a query (a started query is SUCCEEDED until set).</summary>
    public FakeQueryService SetState(string queryId, string state, string? reason = null)
    {
        statuses[queryId] = new QueryStatus(queryId, state, reason);
        return this;
    }

    /// <summary>The rows GetResultsAsync returns for a query (default: one row, "0").</summary>
    public FakeQueryService SetRows(string queryId, params string?[][] rows)
    {
        results[queryId] = rows;
        return this;
    }

    /// <summary>A query's result as a rule's single <c>offending</c> value.</summary>
    public FakeQueryService SetOffending(string queryId, long offending) =>
        SetRows(queryId, [offending.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken)
    {
        var id = "q-" + (Started.Count + 1);
        Started.Add(new StartedQuery(id, sql, [.. parameters]));
        return Task.FromResult(id);
    }

    public Task<QueryStatus> GetQueryAsync(string queryId, CancellationToken cancellationToken)
    {
        Polled.Add(queryId);
        return Task.FromResult(statuses.TryGetValue(queryId, out var status) ? status : new QueryStatus(queryId, "SUCCEEDED", null));
    }

    public Task<IReadOnlyList<IReadOnlyList<string?>>> GetResultsAsync(string queryId, CancellationToken cancellationToken)
    {
        ResultsRead.Add(queryId);
        return Task.FromResult(results.TryGetValue(queryId, out var rows) ? rows : [["0"]]);
    }
}

/// <summary>A query the fake was asked to start.</summary>
public sealed record StartedQuery(string QueryId, string Sql, IReadOnlyList<string> Parameters);
