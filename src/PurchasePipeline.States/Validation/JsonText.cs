using System.Globalization;
using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>Parses JSON text strictly (no comments, no trailing commas) and describes parse errors by line and position.</summary>
internal static class JsonText
{
    /// <summary>Parses a document, or returns null with a one-line description of where the text stops being JSON.</summary>
    public static JsonDocument? TryParse(string json, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            error = string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {line}, position {position}: {reason}");
            return null;
        }
    }

    /// <summary>The first property name that appears twice in an object, if any (JSON parsers disagree on which one wins).</summary>
    public static string? DuplicateProperty(JsonElement obj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>A JSON kind for messages: object, array, string, number, boolean or null.</summary>
    public static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
