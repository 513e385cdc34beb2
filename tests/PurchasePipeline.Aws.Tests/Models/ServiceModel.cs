using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// An official AWS service model (botocore's service-2.json, installed by tests/run-tests.sh from the
/// python3-botocore apt package), read as it is: nothing of it is retyped in the tests.
/// </summary>
internal sealed partial class ServiceModel
{
    public const string BotocoreData = "/usr/lib/python3/dist-packages/botocore/data";

    private ServiceModel(string service, string version, JsonObject root)
    {
        Service = service;
        ApiVersion = version;
        Root = root;
    }

    public string Service { get; }

    public string ApiVersion { get; }

    public JsonObject Root { get; }

    public JsonObject Metadata => Root["metadata"]!.AsObject();

    public string Protocol => (string)Metadata["protocol"]!;

    public string? TargetPrefix => (string?)Metadata["targetPrefix"];

    public string JsonVersion => (string?)Metadata["jsonVersion"] ?? "1.0";

    public string SigningName => (string?)Metadata["signingName"] ?? (string)Metadata["endpointPrefix"]!;

    /// <summary>Which model this is, for the test output: service, API version and the botocore release.</summary>
    public string Describe() => $"{Service} {ApiVersion} ({Protocol}, botocore {BotocoreVersion()})";

    /// <summary>Loads the newest model of a botocore service; fails (never skips) when python3-botocore is missing.</summary>
    public static ServiceModel Load(string service)
    {
        var folder = Path.Combine(BotocoreData, service);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"the AWS service model of {service} is missing ({folder}); run tests/run-tests.sh, which installs python3-botocore");
        }

        var version = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Last()!;
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, version, "service-2.json")))!.AsObject();
        return new ServiceModel(service, version, root);
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

    private static string BotocoreVersion()
    {
        var init = Path.Combine(Path.GetDirectoryName(BotocoreData)!, "__init__.py");
        var match = File.Exists(init) ? VersionLine().Match(File.ReadAllText(init)) : Match.Empty;
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    [GeneratedRegex("""__version__ = ['"]([^'"]+)['"]""")]
    private static partial Regex VersionLine();
}
