using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.TestUtils.Http;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>One authorization IAM makes: an action on a resource ARN, and what made it (for the failure message).</summary>
internal sealed partial record IamCall(string Action, string Resource, string Source)
{
    /// <summary>
    /// The authorization a request to AWS needs, as the Service Authorization Reference defines it
    /// (docs.aws.amazon.com/service-authorization/latest/reference/: list_awsglue.html, list_amazonathena.html,
    /// list_amazons3.html, list_amazonquicksight.html). The action is the signing service and the operation, the
    /// resource the ARN of the resource type the reference lists for it; the region is the request's credential scope.
    /// </summary>
    /// <param name="request">A request the fake endpoint recorded.</param>
    /// <param name="account">The account the caller's credentials belong to (the deployment's).</param>
    /// <param name="queryWorkGroup">The workgroup Athena ran the queries in (GetQueryExecution and GetQueryResults name only a query id).</param>
    /// <exception cref="NotSupportedException">A request this mapping does not know: add its rule here.</exception>
    public static IamCall Of(RecordedRequest request, string account, string? queryWorkGroup)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = CredentialScope().Match(request.Header("Authorization") ?? string.Empty);
        if (!scope.Success)
        {
            throw new NotSupportedException($"{request.Method} {request.RawPath}: not signed with SigV4, so its service and region are unknown");
        }

        var (region, service) = (scope.Groups["region"].Value, scope.Groups["service"].Value);
        string Arn(string resource) => $"arn:aws:{service}:{region}:{account}:{resource}";
        var source = $"{request.Method} {request.RawPath} {request.Operation}".TrimEnd();
        if (request.Header("X-Amz-Target") is { } target)
        {
            var operation = target[(target.LastIndexOf('.') + 1)..];
            var body = JsonNode.Parse(request.BodyText)!.AsObject();
            string? Member(string name) => (string?)body[name];
            var resource = (service, operation) switch
            {
                // Glue: a job's operations name it by JobName, a crawler's by Name.
                ("glue", _) when Member("JobName") is { } job => Arn($"job/{job}"),
                ("glue", _) when operation.EndsWith("Crawler", StringComparison.Ordinal) && Member("Name") is { } crawler => Arn($"crawler/{crawler}"),
                // Athena authorizes query operations on the workgroup the query runs (or ran) in.
                ("athena", _) when Member("WorkGroup") is { } workGroup => Arn($"workgroup/{workGroup}"),
                ("athena", _) when Member("QueryExecutionId") is not null && queryWorkGroup is not null => Arn($"workgroup/{queryWorkGroup}"),
                _ => throw new NotSupportedException($"{source}: IamCall has no resource rule for {service}:{operation}"),
            };
            return new IamCall($"{service}:{operation}", resource, source);
        }

        var path = Uri.UnescapeDataString(request.Path);
        return (service, request.Method) switch
        {
            // S3 object operations on arn:aws:s3:::bucket/key (path-style: /bucket/key).
            ("s3", "GET") => new IamCall("s3:GetObject", $"arn:aws:s3:::{path.TrimStart('/')}", source),
            ("s3", "PUT") => new IamCall("s3:PutObject", $"arn:aws:s3:::{path.TrimStart('/')}", source),
            // QuickSight ingestions: /accounts/A/data-sets/D/ingestions/I is the ingestion resource dataset/D/ingestion/I of account A.
            ("quicksight", "GET" or "PUT") when QuickSightIngestion().Match(path) is { Success: true } ingestion => new IamCall(
                request.Method == "PUT" ? "quicksight:CreateIngestion" : "quicksight:DescribeIngestion",
                $"arn:aws:quicksight:{region}:{ingestion.Groups["account"].Value}:dataset/{ingestion.Groups["dataset"].Value}/ingestion/{ingestion.Groups["ingestion"].Value}",
                source),
            _ => throw new NotSupportedException($"{source}: IamCall has no rule for {service} {request.Method}"),
        };
    }

    public override string ToString() => $"{Action} on {Resource} ({Source})";

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();

    [GeneratedRegex(@"^/accounts/(?<account>[^/]+)/data-sets/(?<dataset>[^/]+)/ingestions/(?<ingestion>[^/]+)$")]
    private static partial Regex QuickSightIngestion();
}
