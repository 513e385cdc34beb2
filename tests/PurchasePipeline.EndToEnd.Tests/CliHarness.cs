using PurchasePipeline.Cli;
using Spectre.Console;

namespace PurchasePipeline.EndToEnd.Tests;

/// <summary>Runs the purchase-pipeline command line in-process and captures what it prints.</summary>
internal static class CliHarness
{
    /// <summary>The fixed "now" of every end-to-end run, so generated dates are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>Runs a command until it ends or <paramref name="cancellationToken"/> stops it (as Ctrl+C does).</summary>
    public static async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
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
        var exitCode = await CliApp.RunAsync(args, console, error, new FixedTime(Now), cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A clock that always says <paramref name="now"/>; its timers are real.</summary>
    internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
