using System.Text.Json.Nodes;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// Every Lambda function the first <c>cdk deploy</c> creates, ours and the CDK's own providers (custom
/// resources, bucket notifications, …), must be on a runtime Lambda still creates functions on
/// (Support/LambdaRuntimeSchedule.cs). The CDK picks its providers' runtimes itself, some per region through
/// the template's Mappings (Fn::FindInMap on AWS::Region): every value such a map holds, for any region, counts.
/// </summary>
[Trait("Requires", "node")]
public sealed class LambdaRuntimeTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private static readonly string[] FunctionTypes = ["AWS::Lambda::Function", "AWS::Serverless::Function"];

    [Fact]
    public void EveryFunctionRuntime_InAnyRegion_CanBeCreated()
    {
        var runtimes = RuntimesOf(shared.Json);

        Assert.NotEmpty(runtimes);
        var refused = runtimes
            .Select(use => (use.Where, Why: LambdaRuntimeSchedule.WhyNotCreatable(use.Runtime)))
            .Where(use => use.Why is not null)
            .Select(use => $"{use.Where}: {use.Why}")
            .ToList();
        Assert.True(refused.Count == 0, string.Join('\n', refused));
    }

    [Fact]
    public void Template_NamesNoRuntimeLambdaNoLongerCreates()
    {
        // Not even in a map no function reads (Amazon.CDK.Lib 2.160.0's LatestNodeRuntimeMap): the template is read by people too.
        var text = shared.Json.ToJsonString();

        Assert.DoesNotContain("nodejs18.x", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nodejs20.x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimesOf_FindInMap_YieldsTheValueOfEveryRegion()
    {
        var template = JsonNode.Parse("""
            {
              "Mappings": { "Runtimes": { "us-east-1": { "value": "nodejs22.x" }, "cn-north-1": { "value": "nodejs18.x" } } },
              "Resources": {
                "Provider": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": { "Fn::FindInMap": ["Runtimes", { "Ref": "AWS::Region" }, "value"] } } },
                "Ours": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "dotnet10" } }
              }
            }
            """)!.AsObject();

        Assert.Equal(["dotnet10", "nodejs18.x", "nodejs22.x"], RuntimesOf(template).Select(use => use.Runtime).Order(StringComparer.Ordinal));
        Assert.NotNull(LambdaRuntimeSchedule.WhyNotCreatable("nodejs18.x"));
        Assert.NotNull(LambdaRuntimeSchedule.WhyNotCreatable("nodejs20.x"));
        Assert.Null(LambdaRuntimeSchedule.WhyNotCreatable("dotnet10"));
    }

    /// <summary>Each function's runtime, where it is written (logical id, and the map entry for a FindInMap).</summary>
    private static List<(string Where, string Runtime)> RuntimesOf(JsonObject template)
    {
        var found = new List<(string, string)>();
        foreach (var (id, resource) in template["Resources"]!.AsObject())
        {
            if (!FunctionTypes.Contains((string?)resource!["Type"], StringComparer.Ordinal))
            {
                continue;
            }

            var runtime = resource["Properties"]?["Runtime"];
            switch (runtime)
            {
                case JsonValue value when value.TryGetValue<string>(out var text):
                    found.Add((id, text));
                    break;
                case JsonObject { Count: 1 } call when call["Fn::FindInMap"] is JsonArray { Count: 3 } args:
                    found.AddRange(MapValues(template, id, args));
                    break;
                default:
                    Assert.Fail($"{id}: Runtime {runtime?.ToJsonString() ?? "(none)"} is neither a name nor a Fn::FindInMap this test can read");
                    break;
            }
        }

        return found;
    }

    /// <summary>Every value a Fn::FindInMap can give: all top-level keys (regions) unless the key is written out.</summary>
    private static IEnumerable<(string Where, string Runtime)> MapValues(JsonObject template, string id, JsonArray args)
    {
        var mapName = (string?)args[0] ?? throw new InvalidOperationException($"{id}: Fn::FindInMap with a computed map name");
        var secondKey = (string?)args[2] ?? throw new InvalidOperationException($"{id}: Fn::FindInMap with a computed second key");
        var map = template["Mappings"]?[mapName]?.AsObject() ?? throw new InvalidOperationException($"{id}: no Mappings.{mapName}");
        var topKeys = args[1] is JsonValue literal ? [(string)literal!] : map.Select(pair => pair.Key).ToList();
        foreach (var key in topKeys)
        {
            var value = map[key]?[secondKey];
            Assert.True(value is not null, $"{id}: Mappings.{mapName}.{key} has no {secondKey}");
            yield return ($"{id} (Mappings.{mapName}.{key}.{secondKey})", (string)value!);
        }
    }
}
