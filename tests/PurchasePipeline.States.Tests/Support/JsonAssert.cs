using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Tests.Support;

/// <summary>JSON equality where member order does not matter and numbers compare by value.</summary>
internal static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(Same(expected, actual), $"expected {Text(expected)}\n  actual {Text(actual)}");
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static bool Same(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (JsonObject l, JsonObject r) => l.Count == r.Count && l.All(p => r.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v)),
        (JsonArray l, JsonArray r) => l.Count == r.Count && l.Zip(r).All(pair => Same(pair.First, pair.Second)),
        (JsonValue l, JsonValue r) when l.GetValueKind() == JsonValueKind.Number && r.GetValueKind() == JsonValueKind.Number =>
            double.Parse(l.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(r.ToJsonString(), CultureInfo.InvariantCulture),
        (JsonValue l, JsonValue r) => JsonNode.DeepEquals(l, r),
        _ => false,
    };
}
