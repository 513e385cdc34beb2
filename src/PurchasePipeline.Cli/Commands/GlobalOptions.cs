using System.CommandLine;

namespace PurchasePipeline.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Home { get; } = new("--home")
    {
        Description = "Local plane root (default $PURCHASE_PIPELINE_HOME, else ./.purchase-pipeline)",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also print each state as it runs, and the stack trace of an internal error",
        Recursive = true,
    };

    public static Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only results and errors (no alerts, no progress)",
        Recursive = true,
    };

    public static Option<bool> Progress { get; } = new("--progress")
    {
        Description = "Show live progress on stderr even when it is not a terminal",
        Recursive = true,
    };

    public static Option<string> LogFormat { get; } = new Option<string>("--log-format")
    {
        Description = "json: one JSON log line per state event on stderr, with the execution id and state name",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    }.AcceptOnlyFromAmong("text", "json");

    /// <summary>Every global option, for the root command.</summary>
    public static IEnumerable<Option> All => [Home, Verbose, Quiet, Progress, LogFormat];
}
