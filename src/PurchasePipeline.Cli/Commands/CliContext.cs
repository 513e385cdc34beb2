using PurchasePipeline.Local.Lake;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>What every command gets: the console, the clock, and the home folder from --home.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Error, TimeProvider Time)
{
    /// <summary>The home: --home, else $PURCHASE_PIPELINE_HOME, else ./.purchase-pipeline.</summary>
    public static LocalHome ResolveHome(string? option) =>
        new(option ?? Environment.GetEnvironmentVariable("PURCHASE_PIPELINE_HOME") ?? ".purchase-pipeline");
}
