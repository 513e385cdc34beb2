using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Json;

/// <summary>Reads JSON values the way the States language compares them (a JSON null is a null node).</summary>
internal static class JsonValues
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    public static bool IsBoolean(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    /// <summary>The number a node holds, whatever CLR type backs it.</summary>
    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        number = 0;
        return IsNumber(node)
            && double.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A number that is a whole value within <see cref="long"/> (3 and 3.0, not 3.5).</summary>
    public static bool TryGetInteger(JsonNode? node, out long integer)
    {
        integer = 0;
        if (!TryGetNumber(node, out var number) || number != Math.Floor(number) || Math.Abs(number) > long.MaxValue)
        {
            return false;
        }

        integer = (long)number;
        return true;
    }

    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = string.Empty;
        if (!IsString(node))
        {
            return false;
        }

        text = node!.GetValue<string>();
        return true;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool flag)
    {
        flag = false;
        if (!IsBoolean(node))
        {
            return false;
        }

        flag = node!.GetValue<bool>();
        return true;
    }

    /// <summary>Structural equality where numbers compare by value (1 equals 1.0).</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (TryGetNumber(left, out var l) && TryGetNumber(right, out var r))
        {
            return l.Equals(r);
        }

        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>The node's JSON text; <c>null</c> for a JSON null.</summary>
    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    /// <summary>The size of the node's JSON text in UTF-8 bytes, as Step Functions measures payloads.</summary>
    public static int Utf8Size(JsonNode? node) => Encoding.UTF8.GetByteCount(ToJson(node));

    /// <summary>A copy that can be attached to another tree.</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>The JSON type name of a node, for messages ("object", "array", "string", ...).</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };
}
