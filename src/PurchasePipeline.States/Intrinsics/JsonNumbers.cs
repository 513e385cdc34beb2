using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>Reads numbers from JSON values whatever CLR type backs them, and names values in messages.</summary>
internal static class JsonNumbers
{
    public static bool TryGetDouble(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue value
            && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A short description of a value for error messages: its JSON kind and, when short, its text.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var kind = node.GetValueKind() switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        };
        var json = node.ToJsonString();
        return json.Length <= 40 ? kind + " " + json : kind;
    }
}
