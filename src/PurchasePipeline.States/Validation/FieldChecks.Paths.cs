using System.Text.Json;
using PurchasePipeline.States.Intrinsics;

namespace PurchasePipeline.States.Validation;

/// <summary>Checks of fields that hold paths or intrinsic function calls.</summary>
internal sealed partial class FieldChecks
{
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

    public void PathValue(string text, string fieldPath, bool reference, bool allowVariables = true)
    {
        if (PathSyntax.Problem(text, reference, allowVariables) is { } problem)
        {
            Report(fieldPath, problem);
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
