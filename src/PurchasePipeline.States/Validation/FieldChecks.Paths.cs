using System.Text.Json;
using System.Text.RegularExpressions;
using PurchasePipeline.States.Intrinsics;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Validation;

/// <summary>Checks of fields that hold paths or intrinsic function calls.</summary>
internal sealed partial class FieldChecks
{
    [GeneratedRegex(@"^\$[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    /// <summary>A path field (InputPath, ItemsPath, ...). Null is allowed where the language gives it a meaning.</summary>
    public void Path(JsonElement obj, string path, string name, bool reference, bool nullable = false, bool allowVariables = true)
    {
        if (!obj.TryGetProperty(name, out var value) || (nullable && value.ValueKind == JsonValueKind.Null))
        {
            return;
        }

        var fieldPath = PathText.Child(path, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(fieldPath, (nullable ? "must be a path or null, got " : "must be a path, got ") + JsonText.KindOf(value));
            return;
        }

        PathValue(value.GetString()!, fieldPath, reference, allowVariables);
    }

    /// <summary>
    /// Checks path text with the engine's own parser (<see cref="JsonPath"/>), so what validates is what runs.
    /// A variable root ($name) is Step Functions only; <paramref name="allowVariables"/> false (ResultPath) also
    /// excludes the context object: it only ever writes into the state's input.
    /// </summary>
    public void PathValue(string text, string fieldPath, bool reference, bool allowVariables = true)
    {
        var variable = Variable().Match(text);
        if (!allowVariables && (variable.Success || text.StartsWith("$$", StringComparison.Ordinal)))
        {
            Report(fieldPath, $"must be a reference path into the state's input, starting with $, got '{text}'");
        }
        else if (variable.Success && ForEngine)
        {
            Report(fieldPath, $"variables ({variable.Value}) are not supported by this engine");
        }
        else if (!JsonPath.TryParse(variable.Success ? "$" + text[variable.Length..] : text, out var parsed, out var error))
        {
            Report(fieldPath, error);
        }
        else if (reference && !parsed.IsReference)
        {
            Report(fieldPath, $"must be a reference path (no *, .., filters, unions or slices), got '{text}'");
        }
    }

    /// <summary>A value that is a path, or an intrinsic function call (ErrorPath, CausePath, "key.$" values).</summary>
    public void PathOrIntrinsic(string text, string fieldPath)
    {
        if (text.StartsWith('$'))
        {
            PathValue(text, fieldPath, reference: false);
            return;
        }

        if (!text.StartsWith("States.", StringComparison.Ordinal))
        {
            Report(fieldPath, $"must be a path starting with $ or an intrinsic function such as States.Format(...), got '{text}'");
            return;
        }

        try
        {
            Intrinsics.Intrinsics.Parse(text);
        }
        catch (IntrinsicFailureException e)
        {
            Report(fieldPath, e.Message);
        }
    }
}
