using System.CommandLine;
using PurchasePipeline.Cli.Commands;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Core.Errors;
using Spectre.Console;

namespace PurchasePipeline.Cli;

/// <summary>The <c>purchase-pipeline</c> command line: parsing, dispatch and exit codes.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line and returns its exit code (0 ok, 1 failed run, 2 bad usage or input).</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, TimeProvider time, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(console, error, time), cancellationToken);

    /// <summary>
    /// How arguments are parsed. No response files: `states run --input @FILE` names the input file itself (src/README.md,
    /// "The flow of a command"; the contract: README.md, "The command line"), and System.CommandLine would otherwise
    /// expand @FILE into command-line tokens before parsing.
    /// </summary>
    public static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>The command tree: every command, its options and the examples its --help ends with.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("purchase-pipeline: an e-commerce purchase ETL orchestrated by Step Functions, runnable locally")
        {
            DemoCommand.Create(context),
            GenerateCommand.Create(context),
            RunCommand.Create(context),
            WatchCommand.Create(context),
            ExecutionsCommand.Create(context),
            RerunCommand.Create(context),
            StatesCommand.Create(context),
            QueryCommand.Create(context),
            CompletionCommand.Create(context),
        }.With(
            "purchase-pipeline demo",
            "purchase-pipeline run purchases.csv --home /tmp/pp",
            "purchase-pipeline executions list --status FAILED");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        HelpExamples.AddToHelp(root);
        return root;
    }

    /// <summary>Runs the command line in <paramref name="context"/> (tests give it an environment and credentials).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var error = context.Error;
        var parse = CreateRoot(context).Parse(args, Parsing);
        // --help answers even when the rest of the line is incomplete: `rerun --help` has no ID to give yet.
        if (!HelpExamples.IsHelp(parse) && UsageErrors.Describe(parse) is { } usage)
        {
            await error.WriteLineAsync(usage).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = context.Console.Profile.Out.Writer, Error = error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            // A damaged home file (executions.duckdb, trigger/emitted.json, a bookmark): one line naming it, no stack trace.
            await error.WriteLineAsync(e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (MissingSettingException e)
        {
            // An AWS command without its region, credentials or resource names.
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (LandingException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug: one line that says so (scripts and users read one line per error, as git and the AWS CLI print),
            // and --verbose prints the stack trace to report.
            await error.WriteLineAsync(parse.GetValue(GlobalOptions.Verbose)
                ? "internal error: " + e
                : $"internal error: {e.Message.ReplaceLineEndings(" ")} (a bug: run again with --verbose for the stack trace, and report it)").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
