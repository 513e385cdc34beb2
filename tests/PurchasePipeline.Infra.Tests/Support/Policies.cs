using System.Text.Json.Nodes;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>IAM identity policy statements in a template (AWS::IAM::Policy documents and roles' inline policies).</summary>
internal static class Policies
{
    public static IEnumerable<(string Owner, JsonObject Statement)> All(JsonObject template)
    {
        foreach (var (id, properties) in template.Resources("AWS::IAM::Policy"))
        {
            foreach (var statement in properties["PolicyDocument"]!["Statement"]!.AsArray())
            {
                yield return (id, statement!.AsObject());
            }
        }

        foreach (var (id, properties) in template.Resources("AWS::IAM::Role"))
        {
            foreach (var policy in properties["Policies"]?.AsArray() ?? [])
            {
                foreach (var statement in policy!["PolicyDocument"]!["Statement"]!.AsArray())
                {
                    yield return (id, statement!.AsObject());
                }
            }
        }
    }

    /// <summary>The statements of the AWS::IAM::Policy resources attached to a role.</summary>
    public static IReadOnlyList<JsonObject> StatementsOfRole(JsonObject template, string roleId) =>
    [
        .. template.Resources("AWS::IAM::Policy")
            .Where(policy => policy.Properties["Roles"]!.AsArray().Any(role => (string?)role!["Ref"] == roleId))
            .SelectMany(policy => policy.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(statement => statement!.AsObject())),
    ];

    public static IReadOnlyList<string> Actions(JsonObject statement) => Strings(statement["Action"]);

    public static IReadOnlyList<JsonNode> Resources(JsonObject statement) =>
        statement["Resource"] is JsonArray array ? [.. array.Select(item => item!)] : [statement["Resource"]!];

    private static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => (string)item!)],
        _ => [(string)node!],
    };
}
