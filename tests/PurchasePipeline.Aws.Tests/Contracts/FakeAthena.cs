using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// Athena's StartQueryExecution, GetQueryExecution and GetQueryResults over <see cref="FakeAthenaSql"/>,
/// each request and response checked against botocore's model. A query advances one state per poll
/// (QUEUED → RUNNING → SUCCEEDED/FAILED); errors are Athena's (InvalidRequestException for an unknown
/// query or workgroup, or results asked of a query that has not succeeded).
/// </summary>
internal sealed class FakeAthena(string workGroup)
{
    private readonly ModelCheckedService model = new("athena", "AmazonAthena");
    private readonly ConcurrentDictionary<string, Query> queries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> idsByToken = new(StringComparer.Ordinal);

    public ScriptedResponse Serve(RecordedRequest request) => model.Answer(request, (operation, body) => operation switch
    {
        "StartQueryExecution" => Start(body),
        "GetQueryExecution" => Execution((string)body["QueryExecutionId"]!),
        "GetQueryResults" => Results((string)body["QueryExecutionId"]!, (string?)body["NextToken"], (int?)body["MaxResults"] ?? 1000),
        _ => Invalid($"the fake does not serve {operation}"),
    });

    private ScriptedResponse Start(JsonNode body)
    {
        if ((string?)body["WorkGroup"] is { } asked && asked != workGroup)
        {
            return Invalid($"WorkGroup {asked} is not found.");
        }

        // The same ClientRequestToken starts one query however often it is sent.
        var id = idsByToken.GetOrAdd((string?)body["ClientRequestToken"] ?? Guid.NewGuid().ToString(), _ => Guid.NewGuid().ToString());
        queries.TryAdd(id, Query.Submit((string)body["QueryString"]!, [.. (body["ExecutionParameters"]?.AsArray() ?? []).Select(p => (string)p!)]));
        return ScriptedResponse.Ok(new JsonObject { ["QueryExecutionId"] = id }.ToJsonString());
    }

    private ScriptedResponse Execution(string id)
    {
        if (!queries.TryGetValue(id, out var query))
        {
            return Invalid($"QueryExecution {id} was not found");
        }

        queries[id] = query.Polled();
        var status = new JsonObject { ["State"] = query.State, ["SubmissionDateTime"] = 1714557600.0 };
        if (query.State == "FAILED")
        {
            status["StateChangeReason"] = query.Error;
        }

        return ScriptedResponse.Ok(new JsonObject
        {
            ["QueryExecution"] = new JsonObject
            {
                ["QueryExecutionId"] = id,
                ["Query"] = query.Sql,
                ["StatementType"] = "DML",
                ["Status"] = status,
                ["WorkGroup"] = workGroup,
            },
        }.ToJsonString());
    }

    private ScriptedResponse Results(string id, string? nextToken, int maxResults)
    {
        if (!queries.TryGetValue(id, out var query))
        {
            return Invalid($"QueryExecution {id} was not found");
        }

        if (query.State != "SUCCEEDED")
        {
            return Invalid(query.State == "FAILED" ? query.Error! : $"Query has not yet finished. Current state: {query.State}");
        }

        // A SELECT's first row is its header: the column names, as Athena writes them to the CSV.
        JsonObject Row(IEnumerable<string?> values) =>
            new() { ["Data"] = new JsonArray([.. values.Select(v => v is null ? new JsonObject() : new JsonObject { ["VarCharValue"] = v })]) };
        var rows = new[] { Row(query.Columns.Select(c => (string?)c.Name)), Row(query.Columns.Select(c => c.Value)) };
        var from = nextToken is null ? 0 : int.Parse(nextToken, System.Globalization.CultureInfo.InvariantCulture);
        var page = new JsonObject
        {
            ["UpdateCount"] = 0,
            ["ResultSet"] = new JsonObject
            {
                ["Rows"] = new JsonArray([.. rows.Skip(from).Take(maxResults)]),
                ["ResultSetMetadata"] = new JsonObject
                {
                    ["ColumnInfo"] = new JsonArray([.. query.Columns.Select(c => new JsonObject { ["Name"] = c.Name, ["Label"] = c.Name, ["Type"] = c.Type, ["Nullable"] = "UNKNOWN" })]),
                },
            },
        };
        if (from + maxResults < rows.Length)
        {
            page["NextToken"] = (from + maxResults).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ScriptedResponse.Ok(page.ToJsonString());
    }

    private static ScriptedResponse Invalid(string message) =>
        new(400, new JsonObject { ["__type"] = "InvalidRequestException", ["Message"] = message, ["AthenaErrorCode"] = "INVALID_INPUT" }.ToJsonString());

    /// <summary>A query as submitted, and the state the next poll reports.</summary>
    private sealed record Query(string Sql, string State, string? Error, IReadOnlyList<(string Name, string Type, string? Value)> Columns, string EndState)
    {
        public static Query Submit(string sql, IReadOnlyList<string> parameters)
        {
            var statement = FakeAthenaSql.Substitute(sql, parameters, out var error);
            var columns = error is null ? FakeAthenaSql.Run(statement, out error) : [];
            return new Query(sql, "QUEUED", error, columns, error is null ? "SUCCEEDED" : "FAILED");
        }

        public Query Polled() => this with { State = State == "QUEUED" ? "RUNNING" : EndState };
    }
}
