using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.TestUtils.Http;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// Authorizations a function needs that no request of its own shows, so the fake endpoint cannot record them:
/// AWS makes them with the caller's permissions on its behalf. Each rule cites where AWS documents it; the
/// tables and locations come from the recorded request and the template, never from a list typed here.
/// </summary>
internal static partial class ImpliedCalls
{
    /// <summary>
    /// The Lambda runtime writes the function's logs as its execution role: logs:CreateLogStream and logs:PutLogEvents
    /// on streams of the function's log group (Lambda Developer Guide, "Working with Lambda function logs"; the
    /// managed policy AWSLambdaBasicExecutionRole). The group itself is the stack's, so no logs:CreateLogGroup.
    /// </summary>
    public static IEnumerable<IamCall> OfLambdaRuntime(string task, DatasetDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var stream = $"arn:aws:logs:{TemplateValues.Region}:{TemplateValues.Account}:log-group:{deployment.LogGroupName(task)}:log-stream:2026/01/01/[$LATEST]0123456789abcdef";
        const string Source = "the Lambda runtime, for the function's logs";
        return [new("logs:CreateLogStream", stream, Source), new("logs:PutLogEvents", stream, Source)];
    }

    /// <summary>What AWS does with the caller's permissions when it serves <paramref name="call"/>.</summary>
    public static IEnumerable<IamCall> Of(IamCall call, RecordedRequest request, DatasetDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        var body = call.Action.StartsWith("athena:", StringComparison.Ordinal) ? JsonNode.Parse(request.BodyText)!.AsObject() : null;
        return call.Action switch
        {
            "athena:StartQueryExecution" => QueryReads(call, body!, deployment).Concat(ResultWrites(call, body!, deployment)),
            "athena:GetQueryResults" => ResultReads(call, body!, deployment),
            _ => [],
        };
    }

    /// <summary>
    /// Athena reads each table the query names (views expanded) with the caller's permissions: the Data Catalog's
    /// glue:GetDatabase, glue:GetTable and glue:GetPartitions, each authorized on the catalog, the database and the
    /// table (Athena User Guide, "Configure access to databases and tables in the AWS Glue Data Catalog": a non-delete
    /// action needs the resource and its ancestors; Glue Developer Guide, "Specifying AWS Glue resource ARNs"), and the
    /// table's data, s3:ListBucket on its bucket and s3:GetObject on its objects (AWS Knowledge Center,
    /// "athena-access-iam": Athena queries need access to the source data's locations).
    /// </summary>
    private static List<IamCall> QueryReads(IamCall call, JsonObject body, DatasetDeployment deployment)
    {
        var database = (string)body["QueryExecutionContext"]!["Database"]!;
        var (region, account) = RegionAndAccount(call.Resource);
        string Glue(string resource) => $"arn:aws:glue:{region}:{account}:{resource}";
        var source = $"Athena reading the tables of {call.Source}";
        var calls = new List<IamCall>
        {
            new("glue:GetDatabase", Glue("catalog"), source),
            new("glue:GetDatabase", Glue($"database/{database}"), source),
        };
        foreach (var table in TablesOf((string)body["QueryString"]!, database, deployment))
        {
            foreach (var action in new[] { "glue:GetTable", "glue:GetPartitions" })
            {
                calls.AddRange([.. new[] { "catalog", $"database/{database}", $"table/{database}/{table}" }.Select(resource => new IamCall(action, Glue(resource), source))]);
            }

            if (deployment.Table(database, table).Location is { } location)
            {
                var (bucket, prefix) = S3Location(location);
                calls.Add(new("s3:ListBucket", $"arn:aws:s3:::{bucket}", source));
                calls.Add(new("s3:GetObject", $"arn:aws:s3:::{bucket}/{prefix}part-00000.parquet", source));
            }
        }

        return calls;
    }

    /// <summary>
    /// Athena writes the result to the workgroup's output location as the caller: it checks the bucket, then puts the
    /// result object, in parts when it is large (AWS Knowledge Center, "athena-output-bucket-error": without
    /// s3:GetBucketLocation a query fails with "Unable to verify/create output bucket"; its policy for a results bucket
    /// the caller did not create lists s3:PutObject and s3:AbortMultipartUpload for the objects). Reading the result
    /// back is GetQueryResults' (<see cref="ResultReads"/>).
    /// </summary>
    private static IEnumerable<IamCall> ResultWrites(IamCall call, JsonObject body, DatasetDeployment deployment)
    {
        var (bucket, prefix) = S3Location(deployment.QueryOutputLocation((string)body["WorkGroup"]!));
        var result = $"arn:aws:s3:::{bucket}/{prefix}{(string)body["ClientRequestToken"]!}.csv";
        var source = $"Athena writing the result of {call.Source}";
        return
        [
            new("s3:GetBucketLocation", $"arn:aws:s3:::{bucket}", source),
            new("s3:PutObject", result, source),
            new("s3:AbortMultipartUpload", result, source),
        ];
    }

    /// <summary>
    /// GetQueryResults streams the result object from S3 with the caller's permissions (Athena API Reference,
    /// GetQueryResults: "the IAM principal with permission to call GetQueryResults also must have permissions to the
    /// Amazon S3 GetObject action for the Athena query results location").
    /// </summary>
    private static IEnumerable<IamCall> ResultReads(IamCall call, JsonObject body, DatasetDeployment deployment)
    {
        var workGroup = call.Resource[(call.Resource.LastIndexOf('/') + 1)..];
        var (bucket, prefix) = S3Location(deployment.QueryOutputLocation(workGroup));
        return [new("s3:GetObject", $"arn:aws:s3:::{bucket}/{prefix}{(string)body["QueryExecutionId"]!}.csv", $"Athena reading the result for {call.Source}")];
    }

    /// <summary>
    /// The Glue tables a query reads: every FROM/JOIN name outside its -- comments that is not one of its WITH queries,
    /// views followed to their tables. A rule's comment may say "a join of …": Athena does not read it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The query names a table the template does not define.</exception>
    private static IEnumerable<string> TablesOf(string sql, string database, DatasetDeployment deployment)
    {
        sql = LineComment().Replace(sql, string.Empty);
        var withQueries = WithQuery().Matches(sql).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = TableReference().Matches(sql).Select(match => match.Groups[1].Value.ToLowerInvariant()).Where(name => !withQueries.Contains(name)).Distinct();
        foreach (var table in named)
        {
            yield return table;
            if (deployment.Table(database, table).ViewSql is { } view)
            {
                foreach (var underlying in TablesOf(view, database, deployment))
                {
                    yield return underlying;
                }
            }
        }
    }

    private static (string Bucket, string Prefix) S3Location(string url)
    {
        var path = url["s3://".Length..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (path, string.Empty) : (path[..slash], path[(slash + 1)..]);
    }

    private static (string Region, string Account) RegionAndAccount(string arn)
    {
        var parts = arn.Split(':');
        return (parts[3], parts[4]);
    }

    /// <summary>A <c>--</c> comment to the end of its line (the rules quote no <c>--</c> in a string).</summary>
    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    /// <summary><c>FROM name</c> or <c>JOIN name</c>, not a function call such as <c>UNNEST(…)</c> nor a subquery.</summary>
    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    /// <summary>A WITH query's name: <c>name AS (</c>.</summary>
    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex WithQuery();
}
