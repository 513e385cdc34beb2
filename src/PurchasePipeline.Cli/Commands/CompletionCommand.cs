using System.CommandLine;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>completion bash|zsh|pwsh</c>: prints a shell completion script generated from the command tree, so it completes
/// every command, subcommand, option and known option value of this build without a helper process or global tool
/// (System.CommandLine's own completion needs the dotnet-suggest global tool and a call into the CLI per Tab). zsh
/// runs the bash function through its bashcompinit, as zsh's manual describes for bash completion functions.
/// <c>powershell</c> is accepted for <c>pwsh</c>, the name Windows PowerShell users type.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh (PowerShell)" }.AcceptOnlyFromAmong("bash", "zsh", "pwsh", "powershell");
        var command = new Command("completion", "Print a shell completion script (add it to ~/.bashrc, ~/.zshrc or $PROFILE)") { shell }.With(
            "purchase-pipeline completion bash",
            "purchase-pipeline completion zsh",
            "purchase-pipeline completion pwsh");
        command.SetAction(parse =>
        {
            var commands = CompletionTree.Of((RootCommand)parse.RootCommandResult.Command);
            var script = parse.GetValue(shell) switch
            {
                "zsh" => "autoload -U +X bashcompinit && bashcompinit\n" + BashCompletionScript.Of(commands),
                "pwsh" or "powershell" => PowerShellCompletionScript.Of(commands),
                _ => BashCompletionScript.Of(commands),
            };
            context.Console.Profile.Out.Writer.Write(script);
            return ExitCodes.Ok;
        });
        return command;
    }
}
