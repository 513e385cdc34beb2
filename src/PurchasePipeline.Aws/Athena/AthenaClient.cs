using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Athena;

/// <summary>The three Athena operations the pipeline calls (target prefix AmazonAthena, JSON 1.1).</summary>
internal sealed class AthenaClient(AwsClient client)
{
    /// <summary>GetQueryResults' page size limit (the model's MaxQueryResults).</summary>
    public const int MaxResultsPerPage = 1000;

    /// <remarks>
    /// The idempotency token is made once per call, so a throttled attempt that Athena did accept is not run
    /// twice: SDKs fill it for their callers; a raw caller must send it (32 to 128 characters).
    /// </remarks>
    public async Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("StartQueryExecution", request, AthenaJson.Default.StartQueryExecutionRequest,
            AthenaJson.Default.StartQueryExecutionResponse, claim: null, cancellationToken).ConfigureAwait(false);
        return reply.Required(reply.Body.QueryExecutionId, "QueryExecutionId");
    }

    public async Task<QueryExecutionStatus> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("GetQueryExecution", new GetQueryExecutionRequest(queryExecutionId), AthenaJson.Default.GetQueryExecutionRequest,
            AthenaJson.Default.GetQueryExecutionResponse, claim: null, cancellationToken).ConfigureAwait(false);
        var execution = reply.Required(reply.Body.QueryExecution, "QueryExecution");
        var status = reply.Required(execution.Status, "QueryExecution.Status");
        reply.Required(status.State, "QueryExecution.Status.State");
        return status;
    }

    /// <summary>Every row of every page (NextToken followed to the end), the header row included, as Athena returns them.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string?>>> GetQueryResultsAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string?>>();
        string? nextToken = null;
        do
        {
            var reply = await client.CallAsync("GetQueryResults", new GetQueryResultsRequest(queryExecutionId, nextToken, MaxResultsPerPage),
                AthenaJson.Default.GetQueryResultsRequest, AthenaJson.Default.GetQueryResultsResponse, claim: null, cancellationToken).ConfigureAwait(false);
            var resultSet = reply.Required(reply.Body.ResultSet, "ResultSet");
            rows.AddRange((resultSet.Rows ?? []).Select(row => (IReadOnlyList<string?>)[.. (row.Data ?? []).Select(datum => datum.VarCharValue)]));
            nextToken = string.IsNullOrEmpty(reply.Body.NextToken) ? null : reply.Body.NextToken;
        }
        while (nextToken is not null);

        return rows;
    }
}
