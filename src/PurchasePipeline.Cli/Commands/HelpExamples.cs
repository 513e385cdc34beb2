using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// The examples each command's --help ends with. System.CommandLine's help has no examples section, so the help
/// option's action is wrapped: the library's help first, then "Examples:". Each command declares its own examples
/// where it is defined; a test walks the command tree and fails for a command without any.
/// </summary>
internal static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<string>> Examples = [];

    /// <summary>Gives <paramref name="command"/> its examples: full command lines, starting with purchase-pipeline.</summary>
    public static TCommand With<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>The examples of a command (none when it declared none).</summary>
    public static IReadOnlyList<string> Of(Command command) => Examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Makes every --help of <paramref name="root"/>'s tree end with the command's examples.</summary>
    public static void AddToHelp(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((SynchronousCommandLineAction)help.Action!);
    }

    /// <summary>Whether the parse asks for help (its action is the help option's).</summary>
    public static bool IsHelp(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.Action is HelpWithExamples;
    }

    private sealed class HelpWithExamples(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = help.Invoke(parseResult);
            var examples = Of(parseResult.CommandResult.Command);
            if (examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }

                output.WriteLine();
            }

            return exitCode;
        }
    }
}
