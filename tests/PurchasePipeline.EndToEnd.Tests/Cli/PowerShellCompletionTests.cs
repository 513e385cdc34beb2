using System.Diagnostics;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// `completion pwsh` prints a script that PowerShell 7 loads as a profile would (dot-sourced); each line is then
/// completed by TabExpansion2, the function PowerShell itself calls on Tab, so the registration, the script block and
/// PowerShell's file-name fallback are all exercised. The candidates are the bash script's (<see cref="CompletionTests"/>).
/// </summary>
public sealed class PowerShellCompletionTests : IDisposable
{
    private static readonly string PwshFolder = RepoPaths.Combine("tests", "PurchasePipeline.EndToEnd.Tests", "pwsh");
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> Lines => CompletionTests.Lines;

    [Fact]
    public async Task Pwsh_Script_RegistersANativeCompleterThatReturnsCompletionResults()
    {
        var pwsh = await CliHarness.RunAsync("completion", "pwsh");

        var powershell = await CliHarness.RunAsync("completion", "powershell");

        Assert.Equal(0, pwsh.ExitCode);
        Assert.Contains("Register-ArgumentCompleter -Native -CommandName purchase-pipeline -ScriptBlock {", pwsh.Output, StringComparison.Ordinal);
        Assert.Contains("[System.Management.Automation.CompletionResult]::new(", pwsh.Output, StringComparison.Ordinal);
        Assert.Equal(pwsh.Output, powershell.Output);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    [Trait("Requires", "pwsh")]
    public async Task Pwsh_PartialWord_CompletesTheCandidatesOfThatCommand(string line, string expected)
    {
        // An empty folder: where the script offers nothing, PowerShell's file names add nothing either.
        var folder = Directory.CreateDirectory(temp.Combine("empty")).FullName;

        var completions = await CompleteAsync(line, folder);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), completions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("purchase-pipeline run ")]
    [InlineData("purchase-pipeline states run x.asl.json --input ")]
    [Trait("Requires", "pwsh")]
    public async Task Pwsh_FileOrValueWithoutKnownWords_CompletesFileNames(string line)
    {
        var folder = Directory.CreateDirectory(temp.Combine("landing")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "purchases.csv"), "order_id\n");

        var completions = await CompleteAsync(line, folder);

        Assert.Equal(["./purchases.csv"], completions);
    }

    private async Task<IReadOnlyList<string>> CompleteAsync(string line, string folder)
    {
        var result = await CliHarness.RunAsync("completion", "pwsh");
        Assert.Equal(0, result.ExitCode);
        var script = temp.Combine("completion.ps1");
        await File.WriteAllTextAsync(script, result.Output);
        var start = new ProcessStartInfo(Path.Combine(TestTools.RequireFolder(PwshFolder, "PowerShell (the dotnet tool)", "pwsh"), "pwsh"))
        {
            WorkingDirectory = folder,
            Environment = { ["POWERSHELL_TELEMETRY_OPTOUT"] = "1", ["POWERSHELL_UPDATECHECK"] = "Off" },
        };
        start.ArgumentList.Add("-NoProfile");
        start.ArgumentList.Add("-NonInteractive");
        start.ArgumentList.Add("-Command");
        start.ArgumentList.Add($". {Quote(script)}; (TabExpansion2 -inputScript {Quote(line)} -cursorColumn {line.Length}).CompletionMatches.CompletionText");

        var (exitCode, output, error) = TestTools.Run(start, "pwsh");

        Assert.True(exitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
