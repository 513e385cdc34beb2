namespace PurchasePipeline.Core.Ports;

/// <summary>SQL over the lake (AWS: Athena StartQueryExecution/GetQueryExecution/GetQueryResults; local: DuckDB).</summary>
/// <remarks>Parameters bind the query's <c>?</c> placeholders, in order, as strings.</remarks>
public interface IQueryService
{
    Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken);

    Task<QueryStatus> GetQueryAsync(string queryId, CancellationToken cancellationToken);

    /// <summary>The result rows of a SUCCEEDED query, without the header row, as text.</summary>
    Task<IReadOnlyList<IReadOnlyList<string?>>> GetResultsAsync(string queryId, CancellationToken cancellationToken);
}

/// <summary>A query's state (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED) and why it changed.</summary>
public sealed record QueryStatus(string QueryId, string State, string? StateChangeReason);
