using Amazon.Runtime;
using PurchasePipeline.Local.Lake;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>What every command gets: the console, the clock, the environment and AWS credentials, and the home folder from --home.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Error, TimeProvider Time)
{
    /// <summary>The environment variables the AWS commands read (AWS_REGION, AWS_ENDPOINT_URL*, PURCHASE_PIPELINE_*).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Whether stderr is a terminal (someone watching): live progress is shown there without --progress.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The AWS commands' credentials; null takes the SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The home: --home, else $PURCHASE_PIPELINE_HOME, else ./.purchase-pipeline.</summary>
    public static LocalHome ResolveHome(string? option) =>
        new(option ?? System.Environment.GetEnvironmentVariable("PURCHASE_PIPELINE_HOME") ?? ".purchase-pipeline");
}
