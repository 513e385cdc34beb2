using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Core.Trigger;

/// <summary>
/// An EventBridge input transformer (InputPathsMap and InputTemplate), rendered as EventBridge renders it
/// for a target: each <c>&lt;name&gt;</c> of the template becomes the value at its path in the event, as a
/// JSON value (a string quoted and escaped, null when absent) outside a JSON string of the template, and as
/// its bare text inside one (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html).
/// Paths are the dot paths the map uses here (<c>$.detail.error</c>).
/// </summary>
public sealed class InputTransformer
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public InputTransformer(IReadOnlyDictionary<string, string> pathsMap, string template)
    {
        PathsMap = pathsMap;
        Template = template;
    }

    /// <summary>Variable name → JSON path in the event.</summary>
    public IReadOnlyDictionary<string, string> PathsMap { get; }

    public string Template { get; }

    /// <summary>The value at a dot path (<c>$.a.b</c>) of the event, and whether the path exists.</summary>
    public static bool TrySelect(JsonNode? eventNode, string path, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        value = eventNode;
        foreach (var name in path.Split('.').Skip(1))
        {
            if (value is not JsonObject obj || !obj.TryGetPropertyValue(name, out value))
            {
                value = null;
                return false;
            }
        }

        return path.StartsWith("$.", StringComparison.Ordinal);
    }

    /// <summary>The target input for this event.</summary>
    public string Render(JsonNode? eventNode)
    {
        var output = new StringBuilder(Template.Length * 2);
        var inString = false;
        for (var i = 0; i < Template.Length; i++)
        {
            var c = Template[i];
            var end = c == '<' ? Template.IndexOf('>', i + 1) : -1;
            if (end > i && PathsMap.TryGetValue(Template[(i + 1)..end], out var path))
            {
                TrySelect(eventNode, path, out var value);
                var text = value?.ToJsonString(Json) ?? "null";
                output.Append(inString && value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? text[1..^1] : text);
                i = end;
                continue;
            }

            if (c == '"' && (i == 0 || Template[i - 1] != '\\'))
            {
                inString = !inString;
            }

            output.Append(c);
        }

        return output.ToString();
    }
}
