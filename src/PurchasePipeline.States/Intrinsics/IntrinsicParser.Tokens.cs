using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>The argument tokens: quoted strings with their escapes, numbers and paths.</summary>
internal sealed partial class IntrinsicParser
{
    private LiteralArgument ParseString()
    {
        position++; // opening quote
        var value = new StringBuilder();
        var start = position;
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated string literal");
            }

            var c = Current;
            if (c == '\'')
            {
                var raw = text[start..position];
                position++;
                return new LiteralArgument(JsonValue.Create(value.ToString()), raw);
            }

            if (c == '\\')
            {
                if (position + 1 >= text.Length || text[position + 1] is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Error("open escape: a backslash must be followed by ', {, } or \\");
                }

                value.Append(text[position + 1]);
                position += 2;
                continue;
            }

            value.Append(c);
            position++;
        }
    }

    private LiteralArgument ParseNumber()
    {
        var start = position;
        if (Current == '-')
        {
            position++;
        }

        while (!AtEnd && (char.IsAsciiDigit(Current) || Current is '.' or 'e' or 'E' or '+' or '-'))
        {
            position++;
        }

        var token = text[start..position];
        try
        {
            var node = JsonNode.Parse(token);
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
            {
                return new LiteralArgument(node, null);
            }
        }
        catch (JsonException)
        {
            // Reported below with the position.
        }

        position = start;
        throw Error($"'{token}' is not a number");
    }

    // A path runs to the next ',' or ')' outside brackets and quotes, so $.a['x, y'] stays whole.
    private PathArgument ParsePath()
    {
        var start = position;
        var brackets = 0;
        char? quote = null;
        while (!AtEnd)
        {
            var c = Current;
            if (quote is not null)
            {
                if (c == '\\' && position + 1 < text.Length)
                {
                    position++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (brackets > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                brackets++;
            }
            else if (c == ']')
            {
                brackets--;
            }
            else if (brackets == 0 && c is ',' or ')')
            {
                break;
            }

            position++;
        }

        if (quote is not null || brackets != 0)
        {
            throw Error("unterminated bracket or quote in path");
        }

        return new PathArgument(text[start..position].TrimEnd());
    }
}
