using System.Globalization;
using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// What one validation run collects (every problem, where each state name was first defined), and the
/// checks of single field values, each reporting at the field's path.
/// </summary>
internal sealed partial class FieldChecks(ValidationTarget target)
{
    private readonly List<DefinitionProblem> problems = [];
    private readonly Dictionary<string, string> stateNames = new(StringComparer.Ordinal);

    /// <summary>True for <see cref="StateMachine.Parse"/>: also reports what the embedded engine cannot run.</summary>
    public bool ForEngine => target == ValidationTarget.EmbeddedEngine;

    public IReadOnlyList<DefinitionProblem> Problems => problems;

    public void Report(string path, string message) => problems.Add(new DefinitionProblem(path, message));

    /// <summary>Records a state name; false when another scope of the machine already defined it at <paramref name="firstPath"/>.</summary>
    public bool TryRegisterStateName(string name, string path, out string firstPath)
    {
        if (stateNames.TryGetValue(name, out firstPath!))
        {
            return false;
        }

        stateNames[name] = path;
        firstPath = path;
        return true;
    }

    /// <summary>A string field's value; reports a non-string. Missing gives null (and a report when required).</summary>
    public string? String(JsonElement obj, string path, string name, bool required = false)
    {
        var fieldPath = PathText.Child(path, name);
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Report(fieldPath, "required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Report(fieldPath, "must be a string, got " + JsonText.KindOf(value));
            return null;
        }

        return value.GetString();
    }

    /// <summary>An integer field from <paramref name="minimum"/> to <paramref name="maximum"/> (ASL's integer fields stop at 99999999); null when missing or invalid (and reported).</summary>
    public long? Integer(JsonElement obj, string path, string name, long minimum, string description, long maximum = 99_999_999)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        Report(PathText.Child(path, name), "must be " + description);
        return null;
    }

    public long? NonNegativeInteger(JsonElement obj, string path, string name) =>
        Integer(obj, path, name, 0, "a non-negative integer");

    public long? PositiveInteger(JsonElement obj, string path, string name) =>
        Integer(obj, path, name, 1, "a positive integer");

    public double? Number(JsonElement obj, string path, string name, double minimum, double maximum, string description)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= minimum && number <= maximum)
        {
            return number;
        }

        Report(PathText.Child(path, name), "must be " + description);
        return null;
    }

    public void Boolean(JsonElement obj, string path, string name)
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Report(PathText.Child(path, name), "must be true or false, got " + JsonText.KindOf(value));
        }
    }

    public void OneOf(JsonElement obj, string path, string name, params string[] allowed)
    {
        var value = String(obj, path, name);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Report(PathText.Child(path, name), $"must be {Alternatives(allowed)}, got '{value}'");
        }
    }

    /// <summary>Reports when more than one of <paramref name="names"/> is present; returns how many are.</summary>
    public int AtMostOne(JsonElement obj, string path, params string[] names)
    {
        var present = names.Where(n => obj.TryGetProperty(n, out _)).ToList();
        if (present.Count > 1)
        {
            Report(path, $"has {string.Join(" and ", present)}; give at most one of {Alternatives(names)}");
        }

        return present.Count;
    }

    /// <summary>An object field; reports another kind. Returns whether it is an object.</summary>
    public bool Object(JsonElement obj, string path, string name, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Report(PathText.Child(path, name), "must be an object, got " + JsonText.KindOf(value));
        return false;
    }

    public static string Alternatives(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        2 => names[0] + " or " + names[1],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
    };

    public static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
