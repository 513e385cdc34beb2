namespace PurchasePipeline.Aws.Athena;

// The members of Athena's model (athena 2017-05-18) the pipeline sends and reads, with the model's exact names.

internal sealed record StartQueryExecutionRequest(
    string QueryString,
    string ClientRequestToken,
    QueryExecutionContext? QueryExecutionContext,
    ResultConfiguration? ResultConfiguration,
    string? WorkGroup,
    IReadOnlyList<string>? ExecutionParameters);

internal sealed record QueryExecutionContext(string? Database);

internal sealed record ResultConfiguration(string? OutputLocation);

internal sealed record StartQueryExecutionResponse(string? QueryExecutionId);

internal sealed record GetQueryExecutionRequest(string QueryExecutionId);

internal sealed record GetQueryExecutionResponse(QueryExecution? QueryExecution);

internal sealed record QueryExecution(string? QueryExecutionId, QueryExecutionStatus? Status);

internal sealed record QueryExecutionStatus(string? State, string? StateChangeReason, AthenaError? AthenaError);

/// <summary>Athena's standard account of a failed query: ErrorCategory 1 system, 2 user, 3 other; Retryable if resubmitting might succeed.</summary>
internal sealed record AthenaError(int? ErrorCategory, int? ErrorType, bool? Retryable, string? ErrorMessage);

internal sealed record GetQueryResultsRequest(string QueryExecutionId, string? NextToken, int? MaxResults);

internal sealed record GetQueryResultsResponse(ResultSet? ResultSet, string? NextToken);

internal sealed record ResultSet(IReadOnlyList<Row>? Rows);

internal sealed record Row(IReadOnlyList<Datum>? Data);

internal sealed record Datum(string? VarCharValue);
