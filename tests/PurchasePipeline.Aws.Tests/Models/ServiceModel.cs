using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// An official AWS service model, read as it is: nothing of it is retyped in the tests. From botocore's
/// service-2.json (the python3-botocore apt package) or aws-sdk's apis/*.min.json (the npm package in
/// tests/PurchasePipeline.Aws.Tests/aws-sdk-models), both installed by tests/run-tests.sh; a test that loads one
/// carries [Trait("Requires", "botocore")] or [Trait("Requires", "aws-sdk")].
/// </summary>
internal sealed partial class ServiceModel
{
    public const string BotocoreData = "/usr/lib/python3/dist-packages/botocore/data";

    public static readonly string AwsSdk = RepoPaths.Combine("tests", "PurchasePipeline.Aws.Tests", "aws-sdk-models", "node_modules", "aws-sdk");

    private ServiceModel(string service, string version, JsonObject root, ModelSource source)
    {
        Service = service;
        ApiVersion = version;
        Root = root;
        Source = source;
    }

    public string Service { get; }

    public ModelSource Source { get; }

    /// <summary>Whether the model has enums, patterns and min/max (botocore's does, aws-sdk's min.json does not).</summary>
    public bool HasConstraints => Source == ModelSource.Botocore;

    public string ApiVersion { get; }

    public JsonObject Root { get; }

    public JsonObject Metadata => Root["metadata"]!.AsObject();

    public string Protocol => (string)Metadata["protocol"]!;

    public string? TargetPrefix => (string?)Metadata["targetPrefix"];

    public string JsonVersion => (string?)Metadata["jsonVersion"] ?? "1.0";

    public string SigningName => (string?)Metadata["signingName"] ?? (string)Metadata["endpointPrefix"]!;

    /// <summary>Which model this is, for the test output: service, API version and the botocore or aws-sdk release.</summary>
    public string Describe() => $"{Service} {ApiVersion} ({Protocol}, {Release()})";

    /// <summary>Loads the newest model of a service (botocore's name for it); fails (never skips) when its package is missing.</summary>
    public static ServiceModel Load(string service, ModelSource source = ModelSource.Botocore) =>
        source == ModelSource.Botocore ? LoadBotocore(service) : LoadAwsSdk(service);

    private static ServiceModel LoadBotocore(string service)
    {
        var folder = TestTools.RequireFolder(Path.Combine(BotocoreData, service), $"python3-botocore's model of {service}", "botocore");

        var version = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Last()!;
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, version, "service-2.json")))!.AsObject();
        return new ServiceModel(service, version, root, ModelSource.Botocore);
    }

    /// <summary>aws-sdk names a model file by the prefix apis/metadata.json gives the service (stepfunctions: states), else by its name.</summary>
    private static ServiceModel LoadAwsSdk(string service)
    {
        var apis = TestTools.RequireFolder(Path.Combine(AwsSdk, "apis"), "the npm aws-sdk's service models", "aws-sdk");

        var prefix = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(apis, "metadata.json")))![service]?["prefix"] ?? service;
        var file = Directory.GetFiles(apis, prefix + "-*.min.json").Order(StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException($"aws-sdk has no model of {service} ({apis}/{prefix}-*.min.json)");
        var root = AwsSdkModel.ToBotocoreShape(JsonNode.Parse(File.ReadAllText(file))!.AsObject());
        return new ServiceModel(service, (string)root["metadata"]!["apiVersion"]!, root, ModelSource.AwsSdk);
    }

    public JsonObject Operation(string name) =>
        Root["operations"]?[name]?.AsObject() ?? throw new InvalidOperationException($"{Service} has no operation {name}");

    public JsonObject Shape(string name) =>
        Root["shapes"]?[name]?.AsObject() ?? throw new InvalidOperationException($"{Service} has no shape {name}");

    public string InputShape(string operation) => (string)Operation(operation)["input"]!["shape"]!;

    public string OutputShape(string operation) => (string)Operation(operation)["output"]!["shape"]!;

    /// <summary>A model pattern as a whole-string .NET regex (Java's surrogate-pair ranges folded into one range).</summary>
    public static Regex Pattern(string pattern) =>
        new("^(?:" + pattern.Replace(@"\uD800\uDC00-\uDBFF\uDFFF", @"\uD800-\uDFFF", StringComparison.Ordinal) + ")$", RegexOptions.CultureInvariant);

    private string Release()
    {
        if (Source == ModelSource.AwsSdk)
        {
            return "aws-sdk " + (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(AwsSdk, "package.json")))!["version"];
        }

        var init = Path.Combine(Path.GetDirectoryName(BotocoreData)!, "__init__.py");
        var match = File.Exists(init) ? VersionLine().Match(File.ReadAllText(init)) : Match.Empty;
        return "botocore " + (match.Success ? match.Groups[1].Value : "unknown");
    }

    [GeneratedRegex("""__version__ = ['"]([^'"]+)['"]""")]
    private static partial Regex VersionLine();
}
