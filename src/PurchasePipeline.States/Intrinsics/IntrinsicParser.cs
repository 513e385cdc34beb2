using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>
/// Parses an intrinsic invocation: <c>States.Name(arg, ...)</c> where an argument is a quoted string
/// (escapes \' \{ \} \\), a number, true, false, null, a path starting with $ or a nested call.
/// </summary>
/// <remarks>Grammar and escapes: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html</remarks>
internal sealed partial class IntrinsicParser
{
    /// <summary>"You can nest up to 10 intrinsic functions within a field."</summary>
    public const int MaxNesting = 10;

    private readonly string text;
    private int position;

    private IntrinsicParser(string text) => this.text = text;

    /// <summary>Parses a whole expression, which must be exactly one call.</summary>
    /// <exception cref="IntrinsicFailureException">The expression is not a well-formed call of a known function.</exception>
    public static IntrinsicCall Parse(string expression)
    {
        var parser = new IntrinsicParser(expression);
        parser.SkipWhitespace();
        var call = parser.ParseCall(depth: 1);
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error("unexpected text after the closing ')'");
        }

        return call;
    }

    private bool AtEnd => position >= text.Length;

    private char Current => text[position];

    private IntrinsicCall ParseCall(int depth)
    {
        if (depth > MaxNesting)
        {
            throw Error($"intrinsic functions nest at most {MaxNesting} deep");
        }

        var start = position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '.'))
        {
            position++;
        }

        var name = text[start..position];
        if (name.Length == 0)
        {
            throw Error("expected an intrinsic function name such as States.Format");
        }

        if (!IntrinsicFunctions.TryGet(name, out var function))
        {
            throw new IntrinsicFailureException($"'{name}' is not an intrinsic function (in \"{text}\")");
        }

        SkipWhitespace();
        Expect('(');
        var arguments = new List<IntrinsicArgument>();
        SkipWhitespace();
        if (!AtEnd && Current == ')')
        {
            position++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                arguments.Add(ParseArgument(depth));
                SkipWhitespace();
                if (!AtEnd && Current == ',')
                {
                    position++;
                    continue;
                }

                Expect(')');
                break;
            }
        }

        function.CheckCount(arguments.Count);
        return new IntrinsicCall(name, arguments);
    }

    private IntrinsicArgument ParseArgument(int depth)
    {
        if (AtEnd)
        {
            throw Error("expected an argument");
        }

        return Current switch
        {
            '\'' => ParseString(),
            '$' => ParsePath(),
            '-' or (>= '0' and <= '9') => ParseNumber(),
            _ when char.IsAsciiLetter(Current) => ParseWordOrCall(depth),
            _ => throw Error($"unexpected '{Current}'"),
        };
    }

    private IntrinsicArgument ParseWordOrCall(int depth)
    {
        var start = position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '.'))
        {
            position++;
        }

        var word = text[start..position];
        switch (word)
        {
            case "true":
                return new LiteralArgument(JsonValue.Create(true), null);
            case "false":
                return new LiteralArgument(JsonValue.Create(false), null);
            case "null":
                return new LiteralArgument(null, null);
            default:
                position = start;
                return new CallArgument(ParseCall(depth + 1));
        }
    }

    private void Expect(char expected)
    {
        if (AtEnd || Current != expected)
        {
            throw Error(AtEnd ? $"expected '{expected}' but the expression ended" : $"expected '{expected}' but found '{Current}'");
        }

        position++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            position++;
        }
    }

    private IntrinsicFailureException Error(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"invalid intrinsic function \"{text}\": {problem} at position {position}"));
}
