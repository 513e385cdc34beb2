using System.Text.Json;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// Checks Choice rules: exactly one comparison operator (or And, Or, Not) per rule, its value of the right
/// kind, Variable on comparisons only, and Next on top-level rules only.
/// </summary>
internal static class ChoiceRuleChecker
{
    public static void CheckChoices(FieldChecks checks, JsonElement state, string statePath, List<Transition> transitions)
    {
        var path = PathText.Child(statePath, "Choices");
        if (!state.TryGetProperty("Choices", out var choices))
        {
            checks.Report(path, "required");
        }
        else if (choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            checks.Report(path, "must be a non-empty array of choice rules");
        }
        else
        {
            var i = 0;
            foreach (var rule in choices.EnumerateArray())
            {
                CheckRule(checks, rule, PathText.Index(path, i++), topLevel: true, transitions);
            }
        }

        if (checks.String(state, statePath, "Default") is { } fallback)
        {
            transitions.Add(new Transition(fallback, PathText.Child(statePath, "Default")));
        }
    }

    private static void CheckRule(FieldChecks checks, JsonElement rule, string path, bool topLevel, List<Transition> transitions)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            checks.Report(path, "must be a choice rule object, got " + JsonText.KindOf(rule));
            return;
        }

        var operators = new List<string>();
        foreach (var property in rule.EnumerateObject())
        {
            var name = property.Name;
            if (name is "And" or "Or" or "Not" || ChoiceOperators.All.ContainsKey(name))
            {
                operators.Add(name);
            }
            else if (name is "Next" or "Assign" && !topLevel)
            {
                checks.Report(PathText.Child(path, name), $"only top-level choice rules have {name}");
            }
            else if (name is not ("Variable" or "Comment" or "Next" or "Assign"))
            {
                checks.Report(PathText.Child(path, name), "unknown field for a choice rule (not a comparison operator)");
            }
        }

        if (operators.Count == 0)
        {
            checks.Report(path, "needs a comparison operator such as StringEquals, or And, Or or Not");
        }
        else if (operators.Count > 1)
        {
            checks.Report(path, $"has {string.Join(" and ", operators)}; give exactly one comparison operator");
        }
        else
        {
            CheckOperator(checks, rule, path, operators[0], transitions);
        }

        checks.String(rule, path, "Comment");
        if (topLevel)
        {
            if (checks.String(rule, path, "Next", required: true) is { } next)
            {
                transitions.Add(new Transition(next, PathText.Child(path, "Next")));
            }

            PayloadTemplateChecker.Check(checks, rule, path, "Assign");
        }
    }

    private static void CheckOperator(FieldChecks checks, JsonElement rule, string path, string op, List<Transition> transitions)
    {
        var value = rule.GetProperty(op);
        var valuePath = PathText.Child(path, op);
        if (op is "And" or "Or" or "Not")
        {
            if (rule.TryGetProperty("Variable", out _))
            {
                checks.Report(PathText.Child(path, "Variable"), $"not allowed with {op}; give Variable in the nested rules");
            }

            if (op == "Not")
            {
                CheckRule(checks, value, valuePath, topLevel: false, transitions);
            }
            else if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                checks.Report(valuePath, "must be a non-empty array of choice rules");
            }
            else
            {
                var i = 0;
                foreach (var nested in value.EnumerateArray())
                {
                    CheckRule(checks, nested, PathText.Index(valuePath, i++), topLevel: false, transitions);
                }
            }

            return;
        }

        if (rule.TryGetProperty("Variable", out _))
        {
            checks.Path(rule, path, "Variable", reference: false);
        }
        else
        {
            checks.Report(PathText.Child(path, "Variable"), $"required with {op}");
        }

        var (kind, _, isPath) = ChoiceOperators.All[op];
        var (valid, expected) = isPath ? (value.ValueKind == JsonValueKind.String, "a path") : kind switch
        {
            ComparisonKind.String or ComparisonKind.StringMatches => (value.ValueKind == JsonValueKind.String, "a string"),
            ComparisonKind.Numeric => (value.ValueKind == JsonValueKind.Number, "a number"),
            ComparisonKind.Timestamp => (value.ValueKind == JsonValueKind.String && Timestamps.TryParse(value.GetString()!, out _),
                "an RFC 3339 timestamp such as 2016-03-14T01:59:00Z"),
            _ => (value.ValueKind is JsonValueKind.True or JsonValueKind.False, "true or false"),
        };
        if (!valid)
        {
            var got = value.ValueKind == JsonValueKind.String ? "'" + value.GetString() + "'" : JsonText.KindOf(value);
            checks.Report(valuePath, $"must be {expected}, got {got}");
        }
        else if (isPath)
        {
            checks.PathValue(value.GetString()!, valuePath, reference: false);
        }
    }
}
