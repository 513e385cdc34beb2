using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// Resolves a synthesized template's intrinsic functions (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select,
/// Fn::Split) to plain strings as one fixed deployment would: account 123456789012 in us-east-1, partition
/// aws, and each resource's physical name its logical id in lower case. ARNs of the resource types policies
/// name here are spelled as AWS spells them, so a test can build the ARN of an object or log stream from the
/// same values (<see cref="Ref"/>, <see cref="GetAtt"/>) and ask the policy about it.
/// </summary>
internal sealed partial class TemplateValues(JsonObject template)
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string Partition = "aws";

    private JsonObject Definitions => template["Resources"]!.AsObject();

    /// <summary>A pseudo parameter's value, or a resource's physical name (its logical id in lower case).</summary>
    /// <exception cref="KeyNotFoundException">Neither a pseudo parameter nor a resource of the template.</exception>
    public string Ref(string name) => name switch
    {
        "AWS::AccountId" => Account,
        "AWS::Region" => Region,
        "AWS::Partition" => Partition,
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::StackName" => "purchase-pipeline",
        "AWS::NoValue" => "",
        _ when Definitions.ContainsKey(name) => name.ToLowerInvariant(),
        _ => throw new KeyNotFoundException($"Ref {name}: no such resource or pseudo parameter in the template"),
    };

    /// <summary>A resource attribute: the ARN of the resource types identity policies name, else an opaque placeholder.</summary>
    public string GetAtt(string logicalId, string attribute)
    {
        var type = (string?)Definitions[logicalId]?["Type"]
            ?? throw new KeyNotFoundException($"Fn::GetAtt {logicalId}.{attribute}: no such resource in the template");
        var name = Ref(logicalId);
        if (attribute != "Arn")
        {
            return $"{logicalId}.{attribute}";
        }

        return type switch
        {
            "AWS::S3::Bucket" => $"arn:{Partition}:s3:::{name}",
            "AWS::KMS::Key" => $"arn:{Partition}:kms:{Region}:{Account}:key/{name}",
            "AWS::IAM::Role" => $"arn:{Partition}:iam::{Account}:role/{name}",
            "AWS::Lambda::Function" => $"arn:{Partition}:lambda:{Region}:{Account}:function:{name}",
            "AWS::Logs::LogGroup" => $"arn:{Partition}:logs:{Region}:{Account}:log-group:{name}:*",
            "AWS::SQS::Queue" => $"arn:{Partition}:sqs:{Region}:{Account}:{name}",
            "AWS::StepFunctions::StateMachine" => $"arn:{Partition}:states:{Region}:{Account}:stateMachine:{name}",
            _ => $"{logicalId}.{attribute}",
        };
    }

    /// <summary>The value of a template node: a string, a number, or an intrinsic function of them.</summary>
    /// <exception cref="NotSupportedException">An intrinsic function this class does not resolve.</exception>
    public string Resolve(JsonNode? node) => node switch
    {
        JsonValue value => value.ToString(),
        JsonObject { Count: 1 } function => ResolveFunction(function.Single().Key, function.Single().Value),
        _ => throw new NotSupportedException($"cannot resolve {node?.ToJsonString() ?? "null"} to a string"),
    };

    private string ResolveFunction(string name, JsonNode? argument)
    {
        switch (name)
        {
            case "Ref":
                return Ref((string)argument!);
            case "Fn::GetAtt":
                var (id, attribute) = argument is JsonArray pair
                    ? ((string)pair[0]!, (string)pair[1]!)
                    : ((string)argument!).Split('.', 2) switch { var parts => (parts[0], parts[1]) };
                return GetAtt(id, attribute);
            case "Fn::Join":
                var join = argument!.AsArray();
                return string.Join((string)join[0]!, join[1]!.AsArray().Select(Resolve));
            case "Fn::Select":
                var select = argument!.AsArray();
                return Elements(select[1])[int.Parse(Resolve(select[0]), CultureInfo.InvariantCulture)];
            case "Fn::Sub":
                return Substitute(argument!);
            default:
                throw new NotSupportedException($"{name}: an intrinsic function TemplateValues does not resolve ({argument?.ToJsonString()})");
        }
    }

    private string[] Elements(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Resolve)],
        JsonObject split when split["Fn::Split"] is JsonArray arguments =>
            Resolve(arguments[1]).Split((string)arguments[0]!),
        _ => throw new NotSupportedException($"cannot resolve {node?.ToJsonString() ?? "null"} to a list"),
    };

    /// <summary>Fn::Sub "text" or ["text", {variables}]: ${Name} and ${Resource.Attribute}; ${!Literal} stays ${Literal}.</summary>
    private string Substitute(JsonNode argument)
    {
        var (text, variables) = argument is JsonArray array
            ? ((string)array[0]!, array[1]!.AsObject())
            : ((string)argument!, new JsonObject());
        return SubVariable().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (name.StartsWith('!'))
            {
                return "${" + name[1..] + "}";
            }

            if (variables.TryGetPropertyValue(name, out var value))
            {
                return Resolve(value);
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? Ref(name) : GetAtt(name[..dot], name[(dot + 1)..]);
        });
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubVariable();
}
