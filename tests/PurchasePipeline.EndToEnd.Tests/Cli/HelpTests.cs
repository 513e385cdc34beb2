using System.CommandLine;
using System.CommandLine.Parsing;
using PurchasePipeline.Cli;
using PurchasePipeline.Cli.Commands;
using Spectre.Console;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// Every command's --help ends with one to three examples (issue 12, "Install and help"). The commands are read
/// from the command tree, so a command added without examples fails here; each example must also parse, so an
/// example cannot outlive a renamed option.
/// </summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands => new(Walk(CreateRoot()).Select(c => c.Path));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Examples_EveryCommand_OneToThreeThatParseAsThatCommand(string path)
    {
        var root = CreateRoot();
        var command = Walk(root).Single(c => c.Path == path).Command;

        var examples = HelpExamples.Of(command);

        Assert.InRange(examples.Count, 1, 3);
        foreach (var example in examples)
        {
            var words = CommandLineParser.SplitCommandLine(example).ToList();
            Assert.Equal("purchase-pipeline", words[0]);
            var parse = root.Parse(words.Skip(1).ToList(), CliApp.Parsing);
            Assert.True(UsageErrors.Describe(parse) is null, $"{example}: {UsageErrors.Describe(parse)}");
            Assert.StartsWith(path, PathOf(parse.CommandResult), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_EndsWithItsExamples(string path)
    {
        var examples = HelpExamples.Of(Walk(CreateRoot()).Single(c => c.Path == path).Command);

        var result = await CliHarness.RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, result.ExitCode);
        var expected = "Examples:\n" + string.Concat(examples.Select(e => "  " + e + "\n"));
        Assert.EndsWith(expected + "\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static RootCommand CreateRoot() =>
        CliApp.CreateRoot(new CliContext(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), TextWriter.Null, TimeProvider.System));

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path = "")
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var below in Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name))
            {
                yield return below;
            }
        }
    }

    private static string PathOf(CommandResult result) =>
        result.Parent is CommandResult parent ? (PathOf(parent) + " " + result.Command.Name).TrimStart() : string.Empty;
}
