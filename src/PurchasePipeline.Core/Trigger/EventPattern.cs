using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Core.Trigger;

/// <summary>
/// An EventBridge event pattern and its matching rules: every field of the pattern must match; a leaf is
/// an array of alternatives, each a literal or a filter object ({"prefix"}, {"suffix"},
/// {"anything-but"}, {"exists"}, {"equals-ignore-case"}, {"numeric"}). Array values in the event match
/// when any element does. (statemachine/event-pattern.json is the pattern CDK deploys and the local
/// trigger uses.)
/// </summary>
public sealed class EventPattern
{
    private readonly JsonObject pattern;

    private EventPattern(JsonObject pattern) => this.pattern = pattern;

    /// <summary>Reads a pattern, substituting ${Name} placeholders first.</summary>
    /// <exception cref="FormatException">The text is not a JSON object pattern.</exception>
    public static EventPattern Parse(string json, IReadOnlyDictionary<string, string>? substitutions = null)
    {
        foreach (var (name, value) in substitutions ?? new Dictionary<string, string>())
        {
            json = json.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        return JsonNode.Parse(json) is JsonObject root
            ? new EventPattern(root)
            : throw new FormatException("an event pattern is a JSON object");
    }

    /// <summary>Whether the event matches every field of the pattern.</summary>
    public bool Matches(JsonNode? eventNode) => MatchObject(pattern, eventNode as JsonObject);

    private static bool MatchObject(JsonObject pattern, JsonObject? value)
    {
        foreach (var (field, rule) in pattern)
        {
            var present = value is not null && value.TryGetPropertyValue(field, out _);
            var child = present ? value![field] : null;
            var ok = rule switch
            {
                JsonObject nested => MatchObject(nested, child as JsonObject),
                JsonArray alternatives => MatchLeaf(alternatives, child, present),
                _ => throw new FormatException($"pattern field '{field}' must be an object or an array"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchLeaf(JsonArray alternatives, JsonNode? value, bool present)
    {
        var values = value is JsonArray array ? [.. array] : new List<JsonNode?> { value };
        return alternatives.Any(alternative => alternative is JsonObject filter
            ? MatchFilter(filter, values, present)
            : present && values.Any(v => JsonNode.DeepEquals(v, alternative)));
    }

    private static bool MatchFilter(JsonObject filter, List<JsonNode?> values, bool present)
    {
        var (name, argument) = filter.Single();
        return name switch
        {
            "exists" => argument?.GetValue<bool>() == present,
            "prefix" => present && values.Any(v => Text(v)?.StartsWith(Text(argument)!, StringComparison.Ordinal) == true),
            "suffix" => present && values.Any(v => Text(v)?.EndsWith(Text(argument)!, StringComparison.Ordinal) == true),
            "equals-ignore-case" => present && values.Any(v => string.Equals(Text(v), Text(argument), StringComparison.OrdinalIgnoreCase)),
            "anything-but" => present && values.All(v => !AnythingBut(argument, v)),
            "numeric" => present && values.Any(v => Numeric(argument as JsonArray, v)),
            _ => throw new FormatException($"unsupported filter '{name}'"),
        };
    }

    private static bool AnythingBut(JsonNode? argument, JsonNode? value) => argument switch
    {
        JsonArray list => list.Any(a => JsonNode.DeepEquals(a, value)),
        JsonObject { Count: 1 } inner when inner.ContainsKey("prefix") => Text(value)?.StartsWith(Text(inner["prefix"])!, StringComparison.Ordinal) == true,
        _ => JsonNode.DeepEquals(argument, value),
    };

    private static bool Numeric(JsonArray? conditions, JsonNode? value)
    {
        if (conditions is null || value is not JsonValue number || !number.TryGetValue<double>(out var x))
        {
            return false;
        }

        for (var i = 0; i + 1 < conditions.Count; i += 2)
        {
            var bound = conditions[i + 1]!.GetValue<double>();
            var ok = conditions[i]!.GetValue<string>() switch
            {
                "=" => x == bound,
                "<" => x < bound,
                "<=" => x <= bound,
                ">" => x > bound,
                ">=" => x >= bound,
                var op => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"unsupported numeric operator '{op}'")),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
