using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Typed reads of fields, each reporting a problem at the field's path when the type is wrong.</summary>
internal sealed partial class DefinitionReader
{
    /// <summary>The path of a member: <c>$.States.Foo</c>, or <c>$.States['a b']</c> when the name needs quoting.</summary>
    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? path + "." + name
            : path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static string Item(string path, int index) => path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private void CheckFields(JsonObject obj, string path, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var (name, _) in obj)
        {
            if (allowed.Contains(name))
            {
                continue;
            }

            Problem(Child(path, name), name switch
            {
                "Assign" => "workflow variables (Assign) are not supported by this engine",
                "Output" or "Arguments" => $"'{name}' is a JSONata field; this engine runs JSONPath only",
                "ItemReader" or "ResultWriter" or "ItemBatcher" => $"'{name}' (Distributed Map over S3) is not supported by this engine",
                _ => $"field '{name}' is not allowed in a {what}",
            });
        }
    }

    private void CheckQueryLanguage(JsonObject obj, string path)
    {
        var language = ReadString(obj, "QueryLanguage", path);
        if (language == "JSONata")
        {
            Problem(Child(path, "QueryLanguage"), "QueryLanguage JSONata is not supported by this engine; use JSONPath");
        }
        else if (language is not null and not "JSONPath")
        {
            Problem(Child(path, "QueryLanguage"), $"'{language}' is not a query language: use JSONPath");
        }
    }

    private string? ReadString(JsonObject obj, string field, string path, bool required = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            if (required)
            {
                Problem(Child(path, field), "is required");
            }

            return null;
        }

        if (JsonValues.TryGetString(node, out var text))
        {
            return text;
        }

        Problem(Child(path, field), "must be a string");
        return null;
    }

    private int? ReadInt(JsonObject obj, string field, string path, int min, int max)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (JsonValues.TryGetInteger(node, out var value) && value >= min && value <= max)
        {
            return (int)value;
        }

        Problem(Child(path, field), $"must be an integer from {min} to {max}");
        return null;
    }

    private double? ReadNumber(JsonObject obj, string field, string path, double min, double max)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (JsonValues.TryGetNumber(node, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(Child(path, field), $"must be a number from {min} to {max}");
        return null;
    }

    private bool? ReadBool(JsonObject obj, string field, string path)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (JsonValues.TryGetBoolean(node, out var value))
        {
            return value;
        }

        Problem(Child(path, field), "must be true or false");
        return null;
    }

    /// <summary>
    /// A path field: absent gives <paramref name="absent"/>, JSON null gives null when
    /// <paramref name="nullable"/>, a string is parsed and checked.
    /// </summary>
    private JsonPath? ReadPath(JsonObject obj, string field, string path, JsonPath? absent, bool nullable, bool reference, bool allowContext)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return absent;
        }

        var fieldPath = Child(path, field);
        if (node is null && nullable)
        {
            return null;
        }

        if (!JsonValues.TryGetString(node, out var text))
        {
            Problem(fieldPath, nullable ? "must be a path or null" : "must be a path");
            return absent;
        }

        return ParsePath(text, fieldPath, reference, allowContext) ?? absent;
    }

    private JsonPath? ParsePath(string text, string fieldPath, bool reference, bool allowContext)
    {
        if (!JsonPath.TryParse(text, out var parsed, out var error))
        {
            Problem(fieldPath, error);
            return null;
        }

        if (reference && !parsed.IsReference)
        {
            Problem(fieldPath, $"'{text}' must be a reference path (members and indexes only, no operators)");
            return null;
        }

        if (parsed.IsContext && !allowContext)
        {
            Problem(fieldPath, $"'{text}' cannot refer to the context object here");
            return null;
        }

        return parsed;
    }

    /// <summary>Reports that two fields which exclude each other are both set.</summary>
    private void Exclusive(JsonObject obj, string path, string first, string second)
    {
        if (obj.ContainsKey(first) && obj.ContainsKey(second))
        {
            Problem(Child(path, second), $"'{first}' and '{second}' cannot both be set");
        }
    }
}
