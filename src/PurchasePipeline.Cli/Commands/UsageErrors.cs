using System.CommandLine;
using System.CommandLine.Parsing;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// A parse that failed, as the one line the CLI prints: an unknown command or option with the nearest known
/// name ("did you mean"), a value that is not of the option's type without .NET type names, a missing command
/// with the ones to choose from.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The one-line message of <paramref name="parse"/>'s first problem, or null when it has none.</summary>
    public static string? Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unknown = (parse.UnmatchedTokens.Count > 0 ? parse.UnmatchedTokens[0] : null) ?? OptionLikeArgument(parse, command);
        if (unknown is not null)
        {
            var known = KnownNames(parse, command, unknown.StartsWith('-'));
            var suggestion = Nearest(unknown, known);
            var kind = unknown.StartsWith('-') ? "option" : "command or argument";
            return $"{Path(parse)}: unknown {kind} '{unknown}'"
                + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")
                + "; see --help";
        }

        if (parse.Errors.Count == 0)
        {
            return null;
        }

        var error = parse.Errors[0];
        if (error.SymbolResult is CommandResult { Command: { Subcommands.Count: > 0 } parent } && error.SymbolResult.Tokens.Count == 0 && !parent.HasAction())
        {
            return $"{Path(parse)}: give a command: {string.Join(", ", parent.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}; see --help";
        }

        var message = WithoutTypeNames(error) ?? string.Join(' ', error.Message.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return error.SymbolResult is OptionResult { Option.Name: var option } && !message.StartsWith(option, StringComparison.Ordinal)
            ? $"{option}: {message}"
            : message;
    }

    /// <summary>The closest of <paramref name="known"/> to <paramref name="token"/> by edit distance, if close enough to be a typo.</summary>
    public static string? Nearest(string token, IEnumerable<string> known)
    {
        var best = known
            .Select(name => (Name: name, Distance: Distance(token, name)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        // A third of the word (at least 2 edits) is a typo; more is another word.
        return best.Name is not null && best.Distance <= Math.Max(2, token.Length / 3) ? best.Name : null;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute each cost 1).</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// An argument token spelled like an option (<c>run --jsn FILE</c>): a FILE... argument takes it as a file name
    /// otherwise. A file really named like that is given as <c>./--name</c>.
    /// </summary>
    private static string? OptionLikeArgument(ParseResult parse, Command command) =>
        parse.Tokens.FirstOrDefault(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2
            && !AllOptions(parse, command).Any(o => o.Name == t.Value || o.Aliases.Contains(t.Value)))?.Value;

    private static IEnumerable<string> KnownNames(ParseResult parse, Command command, bool options) =>
        options
            ? AllOptions(parse, command).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-'))
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));

    /// <summary>The command's options and the recursive ones of its parents (--home, --verbose …).</summary>
    private static IEnumerable<Option> AllOptions(ParseResult parse, Command command)
    {
        IEnumerable<Option> options = command.Options;
        for (var parent = parse.CommandResult.Parent; parent is CommandResult result; parent = result.Parent)
        {
            options = options.Concat(result.Command.Options.Where(o => o.Recursive));
        }

        return options;
    }

    /// <summary>"purchase-pipeline executions": the command the line reached.</summary>
    private static string Path(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Parent is null ? "purchase-pipeline" : command.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>"Cannot parse argument 'abc' for option '--files' as expected type 'System.Int32'." → "--files: 'abc' is not a whole number".</summary>
    private static string? WithoutTypeNames(ParseError error)
    {
        var (name, type) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType),
            _ => (null, null),
        };
        if (name is null || type is null || !error.Message.Contains(type.FullName ?? type.Name, StringComparison.Ordinal))
        {
            return null;
        }

        var value = error.SymbolResult!.Tokens.Count > 0 ? error.SymbolResult.Tokens[^1].Value : string.Empty;
        var expected = (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(double) || t == typeof(decimal) => "a number",
            var t when t == typeof(bool) => "true or false",
            _ => "a valid value",
        };
        return $"{name}: '{value}' is not {expected}";
    }

    private static bool HasAction(this Command command) => command.Action is not null;
}
