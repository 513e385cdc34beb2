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
}
