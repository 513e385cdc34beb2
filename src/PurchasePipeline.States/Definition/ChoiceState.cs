using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Choice: goes to the Next of the first rule that matches its input, else to Default.</summary>
internal sealed record ChoiceState : StateDefinition
{
    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; init; }

    public static ChoiceState Read(string name, JsonObject obj) => new()
    {
        Name = name,
        Choices = obj[nameof(Choices)]!.AsArray().Select(rule => new ChoiceBranch(Rule(rule!.AsObject()), CommonFields.String(rule.AsObject(), "Next")!)).ToList(),
        Default = CommonFields.String(obj, "Default"),
    };

    private static ChoiceRule Rule(JsonObject rule)
    {
        if (rule["And"] is JsonArray all)
        {
            return new AndRule(all.Select(inner => Rule(inner!.AsObject())).ToList());
        }

        if (rule["Or"] is JsonArray any)
        {
            return new OrRule(any.Select(inner => Rule(inner!.AsObject())).ToList());
        }

        if (rule["Not"] is JsonObject negated)
        {
            return new NotRule(Rule(negated));
        }

        var (op, value) = rule.First(field => ChoiceOperators.All.ContainsKey(field.Key));
        var (kind, relation, isPath) = ChoiceOperators.All[op];
        var variable = JsonPath.Parse(CommonFields.String(rule, "Variable")!);
        return new ComparisonRule(variable, op, kind, relation, JsonValues.Copy(value), isPath ? JsonPath.Parse(value!.GetValue<string>()) : null);
    }
}

/// <summary>A top-level choice rule and where it leads.</summary>
internal sealed record ChoiceBranch(ChoiceRule Rule, string Next);

internal abstract record ChoiceRule;

internal sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;

internal sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;

internal sealed record NotRule(ChoiceRule Rule) : ChoiceRule;

/// <summary>
/// A comparison of the value at <paramref name="Variable"/> with a literal, or with the value at
/// <paramref name="ValuePath"/> for the …Path operators.
/// </summary>
/// <param name="Variable">The path of the value compared.</param>
/// <param name="Operator">The operator as written, e.g. NumericGreaterThanEqualsPath (for messages).</param>
/// <param name="Kind">What the operator compares.</param>
/// <param name="Relation">How it relates the two sides.</param>
/// <param name="Value">The literal compared with (the expected true/false of the Is… operators).</param>
/// <param name="ValuePath">For the …Path operators, the path of the value compared with.</param>
internal sealed record ComparisonRule(JsonPath Variable, string Operator, ComparisonKind Kind, Relation Relation, JsonNode? Value, JsonPath? ValuePath) : ChoiceRule;

/// <summary>What a comparison operator compares.</summary>
internal enum ComparisonKind
{
    String,
    Numeric,
    Boolean,
    Timestamp,
    StringMatches,
    IsPresent,
    IsNull,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

/// <summary>How a comparison relates the two sides.</summary>
internal enum Relation
{
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}
