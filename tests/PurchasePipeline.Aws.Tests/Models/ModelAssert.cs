using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Checks a recorded request against the model: protocol, target or REST route, body members, signature scope.</summary>
internal static partial class ModelAssert
{
    /// <summary>Our service descriptor says what the model's metadata says.</summary>
    public static void DescribesModel(AwsService service, ServiceModel model)
    {
        Assert.Equal(model.TargetPrefix, service.TargetPrefix);
        Assert.Equal(model.JsonVersion, service.JsonVersion);
        Assert.Equal(model.SigningName, service.SigningName);
        Assert.Equal((string)model.Metadata["endpointPrefix"]!, service.EndpointPrefix);
        Assert.Equal((string)model.Metadata["serviceId"]!, service.ServiceId);
    }

    /// <summary>A JSON-protocol request: POST /, X-Amz-Target and Content-Type as the model says, body fits the input shape.</summary>
    /// <remarks><c>addedSinceBotocore</c>: top-level members AWS added after Debian's botocore, left out of the check against it (aws-sdk's model checks them).</remarks>
    public static void JsonRequest(ServiceModel model, string operation, RecordedRequest request, AwsService service, params string[] addedSinceBotocore)
    {
        Assert.Equal("json", model.Protocol);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawPath);
        Assert.Equal(model.TargetPrefix + "." + operation, request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-" + model.JsonVersion, request.Header("Content-Type"));
        var body = JsonNode.Parse(request.BodyText)!.AsObject();
        foreach (var member in model.HasConstraints ? addedSinceBotocore : [])
        {
            body.Remove(member);
        }

        Fits(new ShapeChecker(model).Check(body, model.InputShape(operation), "$"), operation);
        Signed(request, service);
    }

    /// <summary>A REST-JSON request: method and path from the model's http.requestUri (labels checked against their shapes), body fits.</summary>
    public static IReadOnlyDictionary<string, string> RestRequest(ServiceModel model, string operation, RecordedRequest request, AwsService service)
    {
        Assert.Equal("rest-json", model.Protocol);
        var http = model.Operation(operation)["http"]!;
        Assert.Equal((string)http["method"]!, request.Method);

        var template = (string)http["requestUri"]!;
        var route = new Regex("^" + Label().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<{m.Groups[1].Value}>[^/]+)") + "$");
        var match = route.Match(request.RawPath);
        Assert.True(match.Success, $"{request.Method} {request.RawPath} does not follow the model's {template}");

        var checker = new ShapeChecker(model);
        var input = model.Shape(model.InputShape(operation));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, member) in input["members"]!.AsObject())
        {
            if ((string?)member!["location"] == "uri")
            {
                var label = (string?)member["locationName"] ?? name;
                labels[name] = Uri.UnescapeDataString(match.Groups[label].Value);
                problems.AddRange(checker.CheckScalar(labels[name], (string)member["shape"]!, "uri:" + label));
            }
        }

        var body = request.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(request.BodyText);
        problems.AddRange(checker.Check(body, model.InputShape(operation), "$", skipLocated: true));
        Fits(problems, operation);
        Signed(request, service);
        return labels;
    }

    /// <summary>Signed with SigV4 for the service's signing name and the client's region.</summary>
    public static void Signed(RecordedRequest request, AwsService service)
    {
        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={TestClients.AccessKey}/", authorization, StringComparison.Ordinal);
        Assert.Contains(TestClients.CredentialScopeSuffix(service) + ",", authorization, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=", authorization, StringComparison.Ordinal);
        Assert.NotNull(request.Header("X-Amz-Date"));
    }

    private static void Fits(List<string> problems, string operation) =>
        Assert.True(problems.Count == 0, $"{operation} request does not fit the model:\n" + string.Join("\n", problems));

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\+?\}")]
    private static partial Regex Label();
}
