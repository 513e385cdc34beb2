using PurchasePipeline.Cli;
using Spectre.Console;

namespace PurchasePipeline.EndToEnd.Tests;

/// <summary>Runs the purchase-pipeline command line in-process and captures what it prints.</summary>
internal static class CliHarness
{
    /// <summary>The fixed "now" of every end-to-end run, so generated dates are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var exitCode = await CliApp.RunAsync(args, console, error, new FixedTime(Now));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
