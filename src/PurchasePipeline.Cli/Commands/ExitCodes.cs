namespace PurchasePipeline.Cli.Commands;

/// <summary>The CLI's exit codes (DESIGN.md, CLI contract).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}
