using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Paths;

/// <summary>The filter expression grammar: <c>||</c> over <c>&amp;&amp;</c> over <c>!</c>, parentheses and comparisons.</summary>
internal sealed partial class PathReader
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">"];

    private FilterExpression ReadOr()
    {
        var left = ReadAnd();
        while (TryConsume("||"))
        {
            left = new OrFilter(left, ReadAnd());
        }

        return left;
    }

    private FilterExpression ReadAnd()
    {
        var left = ReadUnary();
        while (TryConsume("&&"))
        {
            left = new AndFilter(left, ReadUnary());
        }

        return left;
    }

    private FilterExpression ReadUnary()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("unfinished filter expression");
        }

        if (Current == '!' && !TryPeek("!="))
        {
            position++;
            return new NotFilter(ReadUnary());
        }

        if (Current == '(')
        {
            position++;
            var inner = ReadOr();
            SkipSpaces();
            Expect(')');
            return inner;
        }

        var left = ReadOperand();
        SkipSpaces();
        var op = Operators.FirstOrDefault(TryPeek);
        if (op is null)
        {
            return left is PathOperand
                ? new ExistsFilter(left)
                : throw Error("a filter needs a comparison or a path");
        }

        position += op.Length;
        return new ComparisonFilter(left, op, ReadOperand());
    }

    private FilterOperand ReadOperand()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("unfinished filter expression");
        }

        switch (Current)
        {
            case '@' or '$':
                var fromRoot = Current == '$';
                position++;
                var segments = new List<PathSegment>();
                while (!AtEnd && Current is '.' or '[')
                {
                    segments.Add(ReadSegment(inFilter: true));
                }

                return new PathOperand(fromRoot, segments);
            case '\'' or '"':
                return new LiteralOperand(JsonValue.Create(ReadQuoted()));
        }

        var start = position;
        while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '-' or '+' or '.'))
        {
            position++;
        }

        var word = text[start..position];
        return word switch
        {
            "true" => new LiteralOperand(JsonValue.Create(true)),
            "false" => new LiteralOperand(JsonValue.Create(false)),
            "null" => new LiteralOperand(null),
            _ when double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new LiteralOperand(JsonValue.Create(number)),
            _ => throw Error(word.Length == 0 ? $"unexpected '{Current}' in filter" : $"'{word}' is not a value"),
        };
    }

    private bool TryPeek(string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (!TryPeek(token))
        {
            return false;
        }

        position += token.Length;
        return true;
    }
}
