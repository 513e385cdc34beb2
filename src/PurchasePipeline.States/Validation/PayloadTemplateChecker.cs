using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// Checks payload templates (Parameters, ResultSelector, ItemSelector, Credentials, Assign): every field
/// whose name ends in ".$" holds a path or an intrinsic function call, at any depth.
/// </summary>
internal static class PayloadTemplateChecker
{
    public static void Check(FieldChecks checks, JsonElement state, string statePath, string field)
    {
        if (field == "Assign" && checks.ForEngine && state.TryGetProperty(field, out _))
        {
            checks.Report(PathText.Child(statePath, field), "workflow variables (Assign) are not supported by this engine");
        }
        else if (checks.Object(state, statePath, field, out var template))
        {
            CheckValue(checks, template, PathText.Child(statePath, field));
        }
    }

    private static void CheckValue(FieldChecks checks, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckValue(checks, item, PathText.Index(path, i++));
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(checks, value, path);
        }
    }

    private static void CheckObject(FieldChecks checks, JsonElement obj, string path)
    {
        var names = obj.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var fieldPath = PathText.Child(path, property.Name);
            if (!property.Name.EndsWith(".$", StringComparison.Ordinal))
            {
                CheckValue(checks, property.Value, fieldPath);
                continue;
            }

            if (names.Contains(property.Name[..^2]))
            {
                checks.Report(fieldPath, $"'{property.Name[..^2]}' is also given; a field is either static or \".$\"");
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                checks.Report(fieldPath, "a \".$\" field must be a path or an intrinsic function (a string), got " + JsonText.KindOf(property.Value));
                continue;
            }

            checks.PathOrIntrinsic(property.Value.GetString()!, fieldPath);
        }
    }
}
