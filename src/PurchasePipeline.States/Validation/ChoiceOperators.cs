namespace PurchasePipeline.States.Validation;

/// <summary>What value each Choice comparison operator takes.</summary>
/// <remarks>https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html</remarks>
internal enum OperandKind
{
    String,
    Number,
    Boolean,
    Timestamp,
    Path,
}

/// <summary>The comparison operators of Choice rules and the value kind of each.</summary>
internal static class ChoiceOperators
{
    public static readonly IReadOnlyDictionary<string, OperandKind> Comparisons = Build();

    public static readonly string[] Combinators = ["And", "Or", "Not"];

    private static Dictionary<string, OperandKind> Build()
    {
        var operators = new Dictionary<string, OperandKind>(StringComparer.Ordinal);
        string[] orders = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"];
        foreach (var (prefix, kind) in new[] { ("String", OperandKind.String), ("Numeric", OperandKind.Number), ("Timestamp", OperandKind.Timestamp) })
        {
            foreach (var order in orders)
            {
                operators[prefix + order] = kind;
                operators[prefix + order + "Path"] = OperandKind.Path;
            }
        }

        operators["StringMatches"] = OperandKind.String;
        operators["BooleanEquals"] = OperandKind.Boolean;
        operators["BooleanEqualsPath"] = OperandKind.Path;
        foreach (var test in new[] { "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" })
        {
            operators[test] = OperandKind.Boolean;
        }

        return operators;
    }
}
