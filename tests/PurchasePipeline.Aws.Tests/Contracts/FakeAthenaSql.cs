using System.Text;
using System.Text.RegularExpressions;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// The little SQL the fake Athena runs, done the way Athena does it: ExecutionParameters are put into the
/// <c>?</c> positions as they are (text, not values: quoting them is the caller's job), then the statement
/// is run. It runs <c>SELECT literal [AS name], …</c> with string, integer, boolean, NULL and DATE literals;
/// anything else fails as a syntax error, the way Athena reports one (line:column: mismatched input).
/// </summary>
internal static partial class FakeAthenaSql
{
    /// <summary>The statement with each <c>?</c> outside a quoted string or identifier replaced by the next parameter, verbatim.</summary>
    public static string Substitute(string sql, IReadOnlyList<string> parameters, out string? error)
    {
        var text = new StringBuilder();
        var used = 0;
        char? quote = null;
        foreach (var c in sql)
        {
            if (quote is null && c == '?')
            {
                text.Append(used < parameters.Count ? parameters[used] : "?");
                used++;
                continue;
            }

            quote = c is '\'' or '"' ? (quote == c ? null : quote ?? c) : quote;
            text.Append(c);
        }

        error = used == parameters.Count ? null : $"INVALID_PARAMETER_USAGE: Incorrect number of parameters: expected {used} but found {parameters.Count}";
        return text.ToString();
    }

    /// <summary>Runs a SELECT of literals: its one row, as Athena's results hold it (columns with their types; values as text, NULL as null).</summary>
    public static IReadOnlyList<(string Name, string Type, string? Value)> Run(string sql, out string? error)
    {
        var columns = new List<(string, string, string?)>();
        error = null;
        var select = SelectKeyword().Match(sql);
        if (!select.Success)
        {
            error = Mismatch(sql, 0);
            return [];
        }

        var at = select.Length;
        while (true)
        {
            var item = Item().Match(sql, at);
            if (!item.Success)
            {
                error = Mismatch(sql, at);
                return [];
            }

            var (type, value) = Literal(item.Groups["literal"].Value);
            var name = item.Groups["name"].Success ? item.Groups["name"].Value.ToLowerInvariant() : "_col" + columns.Count;
            columns.Add((name, type, value));
            at += item.Length;
            if (at >= sql.Length || sql[at] != ',')
            {
                break;
            }

            at++;
        }

        if (sql[at..].Trim().TrimEnd(';').Length > 0)
        {
            error = Mismatch(sql, at);
            return [];
        }

        return columns;
    }

    private static (string Type, string? Value) Literal(string literal) => literal switch
    {
        ['\'', .., '\''] => ("varchar", literal[1..^1].Replace("''", "'", StringComparison.Ordinal)),
        _ when literal.Equals("NULL", StringComparison.OrdinalIgnoreCase) => ("unknown", null),
        _ when literal.Equals("true", StringComparison.OrdinalIgnoreCase) || literal.Equals("false", StringComparison.OrdinalIgnoreCase)
            => ("boolean", literal.ToLowerInvariant()),
        _ when literal.StartsWith("DATE", StringComparison.OrdinalIgnoreCase) => ("date", literal[(literal.IndexOf('\'', StringComparison.Ordinal) + 1)..^1]),
        _ => ("integer", literal),
    };

    private static string Mismatch(string sql, int at)
    {
        var rest = sql[at..].TrimStart();
        var token = rest.Length == 0 ? "<EOF>" : rest.Split(' ', ',')[0];
        return $"line 1:{sql.Length - rest.Length + 1}: mismatched input '{token}'";
    }

    [GeneratedRegex(@"\G\s*SELECT\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SelectKeyword();

    /// <summary>One select item: a literal and an optional alias, with the spaces around it.</summary>
    [GeneratedRegex(@"\G\s*(?<literal>'(?:[^']|'')*'|-?\d+|true|false|NULL|DATE\s*'\d{4}-\d{2}-\d{2}')(?:\s+AS\s+(?<name>[A-Za-z_][A-Za-z0-9_]*))?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Item();
}
