using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Paths;

/// <summary>The expression of a filter step, <c>[?(@.price &lt; 10 &amp;&amp; @.tag == 'x')]</c>.</summary>
internal abstract record FilterExpression
{
    /// <summary>Whether the expression holds for <paramref name="current"/> (the <c>@</c> node).</summary>
    public abstract bool Holds(JsonNode? current, JsonNode? root);
}

internal sealed record OrFilter(FilterExpression Left, FilterExpression Right) : FilterExpression
{
    public override bool Holds(JsonNode? current, JsonNode? root) => Left.Holds(current, root) || Right.Holds(current, root);
}

internal sealed record AndFilter(FilterExpression Left, FilterExpression Right) : FilterExpression
{
    public override bool Holds(JsonNode? current, JsonNode? root) => Left.Holds(current, root) && Right.Holds(current, root);
}

internal sealed record NotFilter(FilterExpression Inner) : FilterExpression
{
    public override bool Holds(JsonNode? current, JsonNode? root) => !Inner.Holds(current, root);
}

/// <summary><c>[?(@.isbn)]</c>: the operand selects something.</summary>
internal sealed record ExistsFilter(FilterOperand Operand) : FilterExpression
{
    public override bool Holds(JsonNode? current, JsonNode? root) => Operand.TryResolve(current, root, out _);
}

/// <summary>
/// A comparison. Numbers compare as numbers and strings ordinally; values of different types are
/// never equal and never ordered; an operand that selects nothing makes the comparison false.
/// </summary>
internal sealed record ComparisonFilter(FilterOperand Left, string Operator, FilterOperand Right) : FilterExpression
{
    public override bool Holds(JsonNode? current, JsonNode? root)
    {
        if (!Left.TryResolve(current, root, out var left) || !Right.TryResolve(current, root, out var right))
        {
            return false;
        }

        if (Operator is "==" or "!=")
        {
            return JsonValues.AreEqual(left, right) == (Operator == "==");
        }

        int? order = null;
        if (JsonValues.TryGetNumber(left, out var l) && JsonValues.TryGetNumber(right, out var r))
        {
            order = l.CompareTo(r);
        }
        else if (left?.GetValueKind() == JsonValueKind.String && right?.GetValueKind() == JsonValueKind.String)
        {
            order = string.CompareOrdinal(left.GetValue<string>(), right.GetValue<string>());
        }

        return order switch
        {
            null => false,
            { } o => Operator switch
            {
                "<" => o < 0,
                "<=" => o <= 0,
                ">" => o > 0,
                ">=" => o >= 0,
                _ => false,
            },
        };
    }
}

/// <summary>A side of a comparison: a literal, or a path from <c>@</c> or <c>$</c>.</summary>
internal abstract record FilterOperand
{
    public abstract bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value);
}

internal sealed record LiteralOperand(JsonNode? Value) : FilterOperand
{
    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        value = Value;
        return true;
    }
}

internal sealed record PathOperand(bool FromRoot, IReadOnlyList<PathSegment> Segments) : FilterOperand
{
    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        var nodes = JsonPath.Walk(FromRoot ? root : current, root, Segments);
        value = nodes.Count > 0 ? nodes[0] : null;
        return nodes.Count > 0;
    }
}
