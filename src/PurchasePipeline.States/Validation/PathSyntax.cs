using System.Globalization;
using System.Text.RegularExpressions;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// Checks the syntax of JSONPath paths in a definition. A path starts with $ (the state input), $$ (the
/// context object) or $name (a variable); a reference path addresses one node: only .name, ['name'] and
/// [index] steps, no *, .., filters, unions or slices.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html</remarks>
internal static partial class PathSyntax
{
    /// <summary>Null when <paramref name="path"/> is a valid path (of the kind asked for), else what is wrong.</summary>
    /// <param name="path">The path text.</param>
    /// <param name="reference">Whether it must address a single node.</param>
    /// <param name="allowVariables">Whether it may start at a variable ($name); when not, it must also not start
    /// at the context object: ResultPath only ever writes into the state's input.</param>
    public static string? Problem(string path, bool reference, bool allowVariables = true)
    {
        var root = Root().Match(path);
        if (!root.Success)
        {
            return $"must be a path starting with $, got '{path}'";
        }

        if (!allowVariables && root.Value != "$")
        {
            return $"must be a reference path into the state's input, starting with $, got '{path}'";
        }

        var position = root.Length;
        var singleNode = true;
        while (position < path.Length)
        {
            var step = path[position] switch
            {
                '.' => DotStep(path, ref position, ref singleNode),
                '[' => BracketStep(path, ref position, ref singleNode),
                _ => "unexpected '" + path[position] + "'",
            };
            if (step is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"'{path}' is not a valid path: {step} at position {position}");
            }
        }

        return reference && !singleNode
            ? $"must be a reference path (no *, .., filters, unions or slices), got '{path}'"
            : null;
    }

    private static string? DotStep(string path, ref int position, ref bool singleNode)
    {
        position++;
        if (position < path.Length && path[position] == '.')
        {
            singleNode = false;
            position++;
        }

        if (position < path.Length && path[position] == '*')
        {
            singleNode = false;
            position++;
            return null;
        }

        if (position < path.Length && path[position] == '[' && path[position - 1] == '.' && position >= 2 && path[position - 2] == '.')
        {
            return null; // $..[0]: the bracket step follows
        }

        var start = position;
        while (position < path.Length && !IsNameStop(path[position]))
        {
            position++;
        }

        return position == start ? "expected a field name after '.'" : null;
    }

    private static string? BracketStep(string path, ref int position, ref bool singleNode)
    {
        var close = ClosingBracket(path, position);
        if (close < 0)
        {
            return "unclosed '['";
        }

        var inner = path[(position + 1)..close].Trim();
        position = close + 1;
        if (QuotedName().IsMatch(inner) || (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out _) && inner.Length > 0))
        {
            return null;
        }

        singleNode = false;
        return inner switch
        {
            "*" => null,
            _ when int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => null, // [-1]: from the end
            _ when inner.StartsWith('?') => inner.Length > 1 ? null : "empty filter",
            _ when Union().IsMatch(inner) || Slice().IsMatch(inner) => null,
            _ => $"'[{inner}]' is not a name, index, wildcard, filter, union or slice",
        };
    }

    // The ']' closing the bracket at start, skipping quoted text and nested brackets of filters.
    private static int ClosingBracket(string path, int start)
    {
        var depth = 0;
        char? quote = null;
        for (var i = start; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNameStop(char c) => c is '.' or '[' or ']' or '(' or ')' or '\'' or '"' or ',' || char.IsWhiteSpace(c);

    [GeneratedRegex(@"^\$(\$|[A-Za-z_][A-Za-z0-9_]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Root();

    [GeneratedRegex(@"^('([^'\\]|\\.)*'|""([^""\\]|\\.)*"")$", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^(-?[0-9]+|'[^']*')(\s*,\s*(-?[0-9]+|'[^']*'))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Union();

    [GeneratedRegex(@"^-?[0-9]*\s*:\s*-?[0-9]*(\s*:\s*-?[0-9]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Slice();
}
