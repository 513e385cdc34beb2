namespace PurchasePipeline.Cli.Commands;

/// <summary>The CLI's exit codes (src/README.md, "The flow of a command"; the contract: README.md, "The command line").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}
