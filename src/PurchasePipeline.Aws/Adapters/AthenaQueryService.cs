using PurchasePipeline.Aws.Athena;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>
/// The query port on Athena, in the configured workgroup and database. Athena substitutes
/// ExecutionParameters into the SQL as they are, so each parameter is sent as a quoted SQL string literal.
/// </summary>
public sealed class AthenaQueryService : IQueryService
{
    private readonly AthenaClient athena;
    private readonly AwsSettings settings;

    internal AthenaQueryService(AthenaClient athena, AwsSettings settings)
    {
        this.athena = athena;
        this.settings = settings;
    }

    /// <summary><c>'value'</c> with every <c>'</c> doubled: a string literal in Trino SQL.</summary>
    public static string SqlStringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public Task<string> StartQueryAsync(string sql, IReadOnlyList<string> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new StartQueryExecutionRequest(
            sql,
            Guid.NewGuid().ToString("N"),
            new QueryExecutionContext(AwsSettings.Required(settings.AthenaDatabase, AwsSettings.AthenaDatabaseVariable, "the Glue database the validation queries read")),
            settings.AthenaOutputLocation is { } output ? new ResultConfiguration(output) : null,
            AwsSettings.Required(settings.AthenaWorkGroup, AwsSettings.AthenaWorkGroupVariable, "the Athena workgroup the validation queries run in"),
            parameters.Count == 0 ? null : [.. parameters.Select(SqlStringLiteral)]);
        return athena.StartQueryExecutionAsync(request, cancellationToken);
    }

    public async Task<QueryStatus> GetQueryAsync(string queryId, CancellationToken cancellationToken)
    {
        var status = await athena.GetQueryExecutionAsync(queryId, cancellationToken).ConfigureAwait(false);
        return new QueryStatus(queryId, status.State!, Reason(status));
    }

    /// <summary>
    /// The state change reason, with what Athena's AthenaError adds for on-call: whose error it is and
    /// whether re-running may help, e.g. <c>TABLE_NOT_FOUND: … (Athena: user error, re-running will not help)</c>.
    /// </summary>
    internal static string? Reason(QueryExecutionStatus status)
    {
        var reason = status.StateChangeReason ?? status.AthenaError?.ErrorMessage;
        if (status.AthenaError is not { } error || (error.ErrorCategory is null && error.Retryable is null))
        {
            return reason;
        }

        var category = error.ErrorCategory switch
        {
            1 => "system error",
            2 => "user error",
            null => "error",
            _ => "other error",
        };
        var retry = error.Retryable switch
        {
            true => ", re-running may succeed",
            false => ", re-running will not help",
            null => string.Empty,
        };
        return $"{reason ?? "no reason given"} (Athena: {category}{retry})";
    }

    /// <remarks>Athena's first row of a SELECT is the header (the column names); the port returns data rows only.</remarks>
    public async Task<IReadOnlyList<IReadOnlyList<string?>>> GetResultsAsync(string queryId, CancellationToken cancellationToken)
    {
        var rows = await athena.GetQueryResultsAsync(queryId, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? rows : [.. rows.Skip(1)];
    }
}
