using System.CommandLine;
using System.CommandLine.Completions;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// What the completion scripts complete, read from the command tree so that a script completes this build's commands:
/// each command's path from the root, the plain words it accepts next and its options with their known values.
/// </summary>
internal static class CompletionTree
{
    /// <summary>Every visible command under <paramref name="root"/>, the root first (its path is empty).</summary>
    public static IReadOnlyList<CommandWords> Of(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return [.. Walk(root, string.Empty, [])];
    }

    private static IEnumerable<CommandWords> Walk(Command command, string path, IReadOnlyList<Option> inherited)
    {
        var options = command.Options.Concat(inherited).Where(o => !o.Hidden).ToList();
        yield return new CommandWords(
            path,
            [.. command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name),
                .. command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label)],
            [.. options.SelectMany(OptionWords).DistinctBy(o => o.Name).OrderBy(o => o.Name, StringComparer.Ordinal)]);
        var recursive = inherited.Concat(command.Options.Where(o => o.Recursive)).ToList();
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var words in Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name, recursive))
            {
                yield return words;
            }
        }
    }

    /// <summary>An option under each of its names a user types (--help and -h; not /h or -?).</summary>
    private static IEnumerable<OptionWord> OptionWords(Option option)
    {
        var takesValue = option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
        IReadOnlyList<string> values = takesValue ? [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)] : [];
        return new[] { option.Name }.Concat(option.Aliases)
            .Where(name => name.StartsWith('-') && name.Skip(1).All(c => c == '-' || char.IsAsciiLetterOrDigit(c)))
            .Select(name => new OptionWord(name, takesValue, values));
    }
}

/// <summary>A command's path from the root, the plain words it accepts next (subcommands, known argument values) and its options.</summary>
internal sealed record CommandWords(string Path, IReadOnlyList<string> Words, IReadOnlyList<OptionWord> Options);

/// <summary>An option's name, whether a value follows it and the values known in advance (none for files, ids, SQL).</summary>
internal sealed record OptionWord(string Name, bool TakesValue, IReadOnlyList<string> Values);
