using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Definition;

/// <summary>Reading of payload templates (Parameters, ResultSelector, ItemSelector).</summary>
internal sealed partial class DefinitionReader
{
    private const string DynamicSuffix = ".$";

    private PayloadTemplate? ReadTemplate(JsonObject obj, string field, string path) =>
        obj.TryGetPropertyValue(field, out var node) ? new PayloadTemplate(ReadTemplateNode(node, Child(path, field))) : null;

    private TemplateNode ReadTemplateNode(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                var fields = new List<KeyValuePair<string, TemplateNode>>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (name, value) in obj)
                {
                    var fieldPath = Child(path, name);
                    var dynamic = name.EndsWith(DynamicSuffix, StringComparison.Ordinal);
                    var key = dynamic ? name[..^DynamicSuffix.Length] : name;
                    if (!names.Add(key))
                    {
                        Problem(fieldPath, $"field '{key}' is given twice");
                    }

                    fields.Add(new(key, dynamic ? ReadDynamicValue(value, name, fieldPath) : ReadTemplateNode(value, fieldPath)));
                }

                return new TemplateObject(fields);
            case JsonArray array:
                return new TemplateArray(array.Select((element, i) => ReadTemplateNode(element, Item(path, i))).ToList());
            default:
                return new TemplateLiteral(JsonValues.Copy(node));
        }
    }

    private TemplateNode ReadDynamicValue(JsonNode? value, string field, string path)
    {
        if (!JsonValues.TryGetString(value, out var text))
        {
            Problem(path, "the value of a field whose name ends in '.$' must be a path or an intrinsic function");
            return new TemplateLiteral(null);
        }

        if (text.StartsWith('$'))
        {
            return ParsePath(text, path, reference: false, allowContext: true) is { } parsed
                ? new TemplatePath(parsed, field)
                : new TemplateLiteral(null);
        }

        if (text.StartsWith("States.", StringComparison.Ordinal))
        {
            return new TemplateIntrinsic(text, field);
        }

        Problem(path, $"'{text}' is neither a path (starting with $) nor an intrinsic function (starting with States.)");
        return new TemplateLiteral(null);
    }
}
