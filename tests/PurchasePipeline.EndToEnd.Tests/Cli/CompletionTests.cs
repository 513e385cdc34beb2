using System.Diagnostics;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// `completion bash` prints a script generated from the command tree; bash runs it here as it would from ~/.bashrc,
/// and the completion function is called the way bash's programmable completion calls it (COMP_WORDS, COMP_CWORD,
/// the reply in COMPREPLY; bash(1), "Programmable Completion").
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Command lines ending where Tab is pressed, and what every shell's script offers there.</summary>
    public static TheoryData<string, string> Lines => new()
    {
        { "purchase-pipeline ", "completion demo executions generate query rerun run states watch" },
        { "purchase-pipeline ex", "executions" },
        { "purchase-pipeline executions ", "list show" },
        { "purchase-pipeline executions list --st", "--state-machine-arn --status" },
        { "purchase-pipeline executions list --status F", "FAILED" },
        { "purchase-pipeline --home /tmp/pp generate --format ", "Csv JsonLines" },
        { "purchase-pipeline states graph x.asl.json --format ", "dot mermaid svg" },
        { "purchase-pipeline run a.csv --log-format j", "json" },
        { "purchase-pipeline completion ", "bash powershell pwsh zsh" },
        { "purchase-pipeline run ", "" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Bash_PartialWord_RepliesWithTheCandidatesOfThatCommand(string line, string expected)
    {
        var script = await ScriptAsync("bash");
        var words = line.Split(' ');
        var call = $"COMP_WORDS=({string.Join(' ', words.Select(Quote))}); COMP_CWORD={words.Length - 1}; _purchase_pipeline; printf '%s\\n' \"${{COMPREPLY[@]}}\"";

        var (exitCode, output, error) = await BashAsync($"source {Quote(script)}\n{call}\n");

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bash_Sourced_RegistersTheFunctionWithFileNamesAsTheFallback()
    {
        var script = await ScriptAsync("bash");

        var (exitCode, output, error) = await BashAsync($"source {Quote(script)}\ncomplete -p purchase-pipeline\n");

        Assert.True(exitCode == 0, error);
        Assert.Equal("complete -o default -F _purchase_pipeline purchase-pipeline", output.Trim());
    }

    [Fact]
    public async Task Zsh_Script_IsTheBashScriptThroughBashcompinit()
    {
        var bash = await CliHarness.RunAsync("completion", "bash");

        var zsh = await CliHarness.RunAsync("completion", "zsh");

        Assert.Equal(0, zsh.ExitCode);
        Assert.Equal("autoload -U +X bashcompinit && bashcompinit\n" + bash.Output, zsh.Output);
    }

    private async Task<string> ScriptAsync(string shell)
    {
        var result = await CliHarness.RunAsync("completion", shell);
        Assert.Equal(0, result.ExitCode);
        var path = temp.Combine("completion." + shell);
        await File.WriteAllTextAsync(path, result.Output);
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> BashAsync(string commands)
    {
        var start = new ProcessStartInfo("bash", ["--norc", "--noprofile"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(commands);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await output, await error);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
