using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// Evaluates choice rules, per https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html:
/// a comparison of values of different types is false; a Variable that selects nothing is
/// States.Runtime, except for IsPresent; strings compare ordinally (Java's compareTo).
/// </summary>
internal static class ChoiceEvaluator
{
    public static bool Matches(ChoiceRule rule, JsonNode? input, JsonNode context) => rule switch
    {
        AndRule and => and.Rules.All(inner => Matches(inner, input, context)),
        OrRule or => or.Rules.Any(inner => Matches(inner, input, context)),
        NotRule not => !Matches(not.Rule, input, context),
        ComparisonRule comparison => Compare(comparison, input, context),
        _ => false,
    };

    private static bool Compare(ComparisonRule rule, JsonNode? input, JsonNode context)
    {
        var found = rule.Variable.TrySelect(input, context, out var value);
        if (rule.Kind == ComparisonKind.IsPresent)
        {
            return found == Expected(rule);
        }

        if (!found)
        {
            throw new StatesError(ErrorNames.Runtime, $"Invalid path '{rule.Variable}': The choice state's condition path references an invalid value.");
        }

        var expected = rule.ValuePath is { } valuePath
            ? valuePath.TrySelect(input, context, out var other)
                ? other
                : throw new StatesError(ErrorNames.Runtime, $"Invalid path '{valuePath}': The choice state's {rule.Operator} path references an invalid value.")
            : rule.Value;

        return rule.Kind switch
        {
            ComparisonKind.IsNull => (value is null) == Expected(rule),
            ComparisonKind.IsNumeric => JsonValues.IsNumber(value) == Expected(rule),
            ComparisonKind.IsString => JsonValues.IsString(value) == Expected(rule),
            ComparisonKind.IsBoolean => JsonValues.IsBoolean(value) == Expected(rule),
            ComparisonKind.IsTimestamp => IsTimestamp(value) == Expected(rule),
            ComparisonKind.StringMatches => JsonValues.TryGetString(value, out var text)
                && JsonValues.TryGetString(expected, out var pattern) && WildcardPattern.Matches(pattern, text),
            ComparisonKind.Boolean => JsonValues.TryGetBoolean(value, out var left) && JsonValues.TryGetBoolean(expected, out var right) && left == right,
            _ => Order(rule.Kind, value, expected) is { } order && Holds(rule.Relation, order),
        };
    }

    private static bool Expected(ComparisonRule rule) => JsonValues.TryGetBoolean(rule.Value, out var flag) && flag;

    private static bool IsTimestamp(JsonNode? value) => JsonValues.TryGetString(value, out var text) && Timestamps.TryParse(text, out _);

    /// <summary>The order of two values of the operator's type; null when either is of another type.</summary>
    private static int? Order(ComparisonKind kind, JsonNode? left, JsonNode? right)
    {
        switch (kind)
        {
            case ComparisonKind.Numeric when JsonValues.TryGetNumber(left, out var l) && JsonValues.TryGetNumber(right, out var r):
                return l.CompareTo(r);
            case ComparisonKind.String when JsonValues.TryGetString(left, out var l) && JsonValues.TryGetString(right, out var r):
                return string.CompareOrdinal(l, r);
            case ComparisonKind.Timestamp when JsonValues.TryGetString(left, out var l) && JsonValues.TryGetString(right, out var r)
                && Timestamps.TryParse(l, out var lt) && Timestamps.TryParse(r, out var rt):
                return lt.CompareTo(rt);
            default:
                return null;
        }
    }

    private static bool Holds(Relation relation, int order) => relation switch
    {
        Relation.Equals => order == 0,
        Relation.LessThan => order < 0,
        Relation.GreaterThan => order > 0,
        Relation.LessThanEquals => order <= 0,
        _ => order >= 0,
    };
}
