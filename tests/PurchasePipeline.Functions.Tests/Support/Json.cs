using System.Text.Json.Nodes;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions.Tests.Support;

internal static class Json
{
    public static JsonObject ParseObject(Stream stream) =>
        JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException("output is JSON null");

    public static JsonObject ParseObject(string text) =>
        JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("text is JSON null");

    /// <summary>The names a TaskJson DTO (de)serialises, in declaration order.</summary>
    public static IReadOnlyList<string> PropertyNames(Type dto) =>
        [.. (TaskJson.Default.GetTypeInfo(dto) ?? throw new InvalidOperationException($"{dto} is not in TaskJson")).Properties.Select(p => p.Name)];

    /// <summary>Asserts the object's fields are exactly <paramref name="names"/>, in that order.</summary>
    public static void AssertFields(IEnumerable<string> names, JsonObject actual) =>
        Assert.Equal(names, actual.Select(field => field.Key));

    /// <summary>Asserts a field is present and JSON null (not absent).</summary>
    public static void AssertNull(JsonObject actual, string field)
    {
        Assert.True(actual.ContainsKey(field), $"{field} is absent; every result field must be present");
        Assert.Null(actual[field]);
    }
}
