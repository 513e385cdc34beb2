namespace PurchasePipeline.States.Definition;

/// <summary>
/// Every comparison operator of a choice rule, by name: what it compares, how, and whether its operand is a
/// path (the …Path operators) or a literal of the compared kind (the Is… operators take true or false).
/// Read by the validator and the reader alike.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html</remarks>
internal static class ChoiceOperators
{
    public static IReadOnlyDictionary<string, (ComparisonKind Kind, Relation Relation, bool IsPath)> All { get; } = Build();

    private static Dictionary<string, (ComparisonKind, Relation, bool)> Build()
    {
        var all = new Dictionary<string, (ComparisonKind, Relation, bool)>(StringComparer.Ordinal);
        foreach (var kind in new[] { ComparisonKind.String, ComparisonKind.Numeric, ComparisonKind.Timestamp })
        {
            foreach (var relation in Enum.GetValues<Relation>())
            {
                var name = kind.ToString() + relation;
                all[name] = (kind, relation, false);
                all[name + "Path"] = (kind, relation, true);
            }
        }

        all["BooleanEquals"] = (ComparisonKind.Boolean, Relation.Equals, false);
        all["BooleanEqualsPath"] = (ComparisonKind.Boolean, Relation.Equals, true);
        foreach (var kind in new[]
        {
            ComparisonKind.StringMatches, ComparisonKind.IsPresent, ComparisonKind.IsNull, ComparisonKind.IsNumeric,
            ComparisonKind.IsString, ComparisonKind.IsBoolean, ComparisonKind.IsTimestamp,
        })
        {
            all[kind.ToString()] = (kind, Relation.Equals, false);
        }

        return all;
    }
}
