using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Reading of Choice states and their rules.</summary>
internal sealed partial class DefinitionReader
{
    private ChoiceState? ReadChoice(JsonObject obj, string path, List<(string Path, string Target)> targets)
    {
        CheckFields(obj, path, "Choice state", ["Type", "Comment", "QueryLanguage", "InputPath", "OutputPath", "Choices", "Default"]);
        var (input, output) = ReadInputOutput(obj, path);
        var choicesPath = Child(path, "Choices");
        var branches = new List<ChoiceBranch>();
        if (obj.TryGetPropertyValue("Choices", out var node) && node is JsonArray array && array.Count > 0)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var rulePath = Item(choicesPath, i);
                var rule = ReadRule(array[i], rulePath, topLevel: true);
                var next = array[i] is JsonObject ruleObj ? ReadString(ruleObj, "Next", rulePath) : null;
                if (next is not null)
                {
                    targets.Add((Child(rulePath, "Next"), next));
                }

                if (rule is not null && next is not null)
                {
                    branches.Add(new ChoiceBranch(rule, next));
                }
            }
        }
        else
        {
            Problem(choicesPath, "Choices must be a non-empty array of choice rules");
        }

        var fallback = ReadString(obj, "Default", path);
        if (fallback is not null)
        {
            targets.Add((Child(path, "Default"), fallback));
        }

        return new ChoiceState { Name = string.Empty, InputPath = input, OutputPath = output, Choices = branches, Default = fallback };
    }

    private ChoiceRule? ReadRule(JsonNode? node, string path, bool topLevel)
    {
        if (node is not JsonObject obj)
        {
            Problem(path, "a choice rule must be an object");
            return null;
        }

        if (topLevel && !obj.ContainsKey("Next"))
        {
            Problem(Child(path, "Next"), "a top-level choice rule needs 'Next'");
        }
        else if (!topLevel && obj.ContainsKey("Next"))
        {
            Problem(Child(path, "Next"), "'Next' is only allowed in a top-level choice rule");
        }

        var operators = obj.Select(pair => pair.Key).Where(IsRuleOperator).ToList();
        foreach (var (name, _) in obj.Where(pair => !IsRuleOperator(pair.Key) && pair.Key is not ("Variable" or "Next" or "Comment")))
        {
            Problem(Child(path, name), $"'{name}' is not a choice rule field");
        }

        if (operators.Count != 1)
        {
            Problem(path, operators.Count == 0
                ? "a choice rule needs one of And, Or, Not or a comparison operator"
                : $"a choice rule takes one operator, not {string.Join(", ", operators)}");
            return null;
        }

        var op = operators[0];
        var opPath = Child(path, op);
        var value = obj[op];
        switch (op)
        {
            case "And" or "Or":
                if (obj.ContainsKey("Variable"))
                {
                    Problem(Child(path, "Variable"), $"'{op}' does not take a Variable");
                }

                if (value is not JsonArray rules || rules.Count == 0)
                {
                    Problem(opPath, "must be a non-empty array of choice rules");
                    return null;
                }

                var inner = rules.Select((rule, i) => ReadRule(rule, Item(opPath, i), topLevel: false)).ToList();
                return inner.Any(rule => rule is null) ? null
                    : op == "And" ? new AndRule(inner!) : new OrRule(inner!);
            case "Not":
                return ReadRule(value, opPath, topLevel: false) is { } negated ? new NotRule(negated) : null;
            default:
                return ReadComparison(obj, path, op, value);
        }
    }

    private static bool IsRuleOperator(string name) => name is "And" or "Or" or "Not" || ChoiceOperators.All.ContainsKey(name);

    private ComparisonRule? ReadComparison(JsonObject obj, string path, string op, JsonNode? value)
    {
        var (kind, relation, isPath) = ChoiceOperators.All[op];
        var opPath = Child(path, op);
        var variable = ReadPath(obj, "Variable", path, null, nullable: false, reference: false, allowContext: true);
        if (!obj.ContainsKey("Variable"))
        {
            Problem(Child(path, "Variable"), "is required");
        }

        JsonPath? valuePath = null;
        var valid = true;
        if (isPath)
        {
            valuePath = JsonValues.TryGetString(value, out var text) ? ParsePath(text, opPath, reference: false, allowContext: true) : null;
            valid = valuePath is not null;
            if (!JsonValues.TryGetString(value, out _))
            {
                Problem(opPath, "must be a path");
            }
        }
        else
        {
            var expected = kind switch
            {
                ComparisonKind.String or ComparisonKind.StringMatches => JsonValues.IsString(value) ? null : "a string",
                ComparisonKind.Numeric => JsonValues.IsNumber(value) ? null : "a number",
                ComparisonKind.Timestamp => JsonValues.TryGetString(value, out var text) && Timestamps.TryParse(text, out _) ? null : "an RFC 3339 timestamp",
                _ => JsonValues.IsBoolean(value) ? null : "true or false",
            };
            if (expected is not null)
            {
                Problem(opPath, "must be " + expected);
                valid = false;
            }
        }

        return variable is null || !valid ? null : new ComparisonRule(variable, op, kind, relation, JsonValues.Copy(value), valuePath);
    }
}
