using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// Checks a JSON value against a model shape: every member exists in the shape, required members are
/// present, enum values are valid, string patterns and lengths, list sizes and number ranges hold.
/// Returns every problem with its JSON path; an empty list means the value fits.
/// </summary>
internal sealed class ShapeChecker(ServiceModel model)
{
    /// <remarks><c>skipLocated</c>: members the REST protocols put in the URI, query or headers are checked elsewhere.</remarks>
    public List<string> Check(JsonNode? value, string shapeName, string path, bool skipLocated = false)
    {
        var problems = new List<string>();
        Walk(value, shapeName, path, skipLocated, problems);
        return problems;
    }

    /// <summary>Checks a scalar that travels outside the body (a URI label) against its shape.</summary>
    public List<string> CheckScalar(string value, string shapeName, string path)
    {
        var problems = new List<string>();
        CheckString(value, model.Shape(shapeName), path, problems);
        return problems;
    }

    private void Walk(JsonNode? value, string shapeName, string path, bool skipLocated, List<string> problems)
    {
        var shape = model.Shape(shapeName);
        switch ((string)shape["type"]!)
        {
            case "structure":
                CheckStructure(value, shape, path, skipLocated, problems);
                break;
            case "list":
                if (value is not JsonArray array)
                {
                    problems.Add($"{path}: expected a list");
                    return;
                }

                CheckRange(array.Count, shape, path, "items", problems);
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], (string)shape["member"]!["shape"]!, $"{path}[{i}]", false, problems);
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    problems.Add($"{path}: expected a map");
                    return;
                }

                foreach (var (key, item) in map)
                {
                    Walk(item, (string)shape["value"]!["shape"]!, $"{path}.{key}", false, problems);
                }

                break;
            case "string":
                if (value is JsonValue text && text.TryGetValue<string>(out var s))
                {
                    CheckString(s, shape, path, problems);
                }
                else
                {
                    problems.Add($"{path}: expected a string");
                }

                break;
            case "integer" or "long":
                if (value is JsonValue number && number.TryGetValue<long>(out var n))
                {
                    CheckRange(n, shape, path, "value", problems);
                }
                else
                {
                    problems.Add($"{path}: expected an integer");
                }

                break;
            case "boolean":
                if (value is not JsonValue flag || !flag.TryGetValue<bool>(out _))
                {
                    problems.Add($"{path}: expected a boolean");
                }

                break;
        }
    }

    private void CheckStructure(JsonNode? value, JsonObject shape, string path, bool skipLocated, List<string> problems)
    {
        if (value is not JsonObject structure)
        {
            problems.Add($"{path}: expected an object");
            return;
        }

        var members = shape["members"]!.AsObject();
        foreach (var (name, item) in structure)
        {
            if (members[name] is not JsonObject member)
            {
                problems.Add($"{path}.{name}: not a member of the model's shape");
                continue;
            }

            if (member["location"] is not null && skipLocated)
            {
                problems.Add($"{path}.{name}: travels in the {member["location"]}, not the body");
                continue;
            }

            Walk(item, (string)member["shape"]!, $"{path}.{name}", false, problems);
        }

        foreach (var required in shape["required"]?.AsArray() ?? [])
        {
            var name = (string)required!;
            var located = members[name]?["location"] is not null;
            if (!structure.ContainsKey(name) && !(skipLocated && located))
            {
                problems.Add($"{path}.{name}: required member is missing");
            }
        }
    }

    private static void CheckString(string value, JsonObject shape, string path, List<string> problems)
    {
        if (shape["enum"] is JsonArray values && !values.Any(v => (string)v! == value))
        {
            problems.Add($"{path}: '{value}' is not one of the enum values {string.Join(", ", values)}");
        }

        if (shape["pattern"] is JsonValue pattern && !ServiceModel.Pattern((string)pattern!).IsMatch(value))
        {
            problems.Add($"{path}: '{value}' does not match the pattern {pattern}");
        }

        CheckRange(value.Length, shape, path, "length", problems);
    }

    private static void CheckRange(long actual, JsonObject shape, string path, string what, List<string> problems)
    {
        if (shape["min"] is JsonValue min && actual < (long)min)
        {
            problems.Add($"{path}: {what} {actual.ToString(CultureInfo.InvariantCulture)} is below the minimum {min}");
        }

        if (shape["max"] is JsonValue max && actual > (long)max)
        {
            problems.Add($"{path}: {what} {actual.ToString(CultureInfo.InvariantCulture)} is above the maximum {max}");
        }
    }
}
