using Amazon.Runtime;
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
    public static Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken) => RunAsync(args, environment: null, new FixedTime(Now), cancellationToken);

    /// <summary>Runs a command on a clock the test moves (a FakeTimeProvider: `watch` sleeps between scans on it).</summary>
    public static Task<CliResult> RunAsync(string[] args, TimeProvider time, CancellationToken cancellationToken) => RunAsync(args, environment: null, time, cancellationToken);

    /// <summary>Runs a command at a later "now" than <see cref="Now"/> (a rerun starts after the execution it repeats).</summary>
    public static Task<CliResult> RunAtAsync(DateTimeOffset now, params string[] args) => RunAsync(args, environment: null, new FixedTime(now), CancellationToken.None);

    /// <summary>
    /// Runs an AWS command against <paramref name="aws"/> (AWS_ENDPOINT_URL, region eu-west-1, fixed test keys) with
    /// these other variables, never the process's own.
    /// </summary>
    public static Task<CliResult> RunAwsAsync(FakeAwsEndpoint aws, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_REGION"] = "eu-west-1", ["AWS_ENDPOINT_URL"] = aws.Endpoint };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return RunAsync(args, environment, new FixedTime(Now), CancellationToken.None);
    }

    private static async Task<CliResult> RunAsync(string[] args, Dictionary<string, string>? environment, TimeProvider time, CancellationToken cancellationToken)
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
        var context = new PurchasePipeline.Cli.Commands.CliContext(console, error, time);
        if (environment is not null)
        {
            context = context with { Environment = name => environment.GetValueOrDefault(name), Credentials = new BasicAWSCredentials("test-access-key", "test-secret-key") };
        }

        var exitCode = await CliApp.RunAsync(args, context, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A clock that always says <paramref name="now"/>; its timers are real.</summary>
    internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
