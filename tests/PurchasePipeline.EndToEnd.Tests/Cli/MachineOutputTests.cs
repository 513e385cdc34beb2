using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// What goes where: with --json stdout is only JSON, on failure too; alerts, progress and logs go to stderr;
/// --log-format json lines carry the execution id and state name; --quiet shows no alerts.
/// </summary>
public sealed class MachineOutputTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task Run_JsonOnAFailedRun_StdoutParsesAsJsonAndTheAlertIsOnStderr()
    {
        var result = await CliHarness.RunAsync("run", BadFile(), "--json", "--home", Home.Root);

        Assert.Equal(1, result.ExitCode);
        var run = Assert.Single(JsonNode.Parse(result.Output)!.AsArray())!;
        Assert.Equal("FAILED", (string?)run["status"]);
        Assert.Equal("GetJobRun", (string?)run["failedState"]);
        Assert.Contains(Lines(result.Error), l => l.StartsWith("ALERT {", StringComparison.Ordinal) && l.Contains("\"error\": \"RawObjectQuarantinedException\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Quiet_ShowsNoAlertButStillWritesIt()
    {
        var result = await CliHarness.RunAsync("run", BadFile(), "--quiet", "--home", Home.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("ALERT", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Single(Alerts.Written(Home.Root));
        Assert.StartsWith("[1/1] FAILED raw/", Assert.Single(Lines(result.Output)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ForcedProgress_StateLinesOnStderrAndStdoutStaysJson()
    {
        var result = await CliHarness.RunAsync("run", await GoodFileAsync(), "--json", "--progress", "--home", Home.Root);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal("SUCCEEDED", (string?)Assert.Single(JsonNode.Parse(result.Output)!.AsArray())!["status"]);
        var progress = Lines(result.Error);
        Assert.Contains("00:00.0 [1/1] raw/2026/11/25/purchases.csv: StartEtlJob", progress);
        Assert.Contains("00:00.0 [1/1] raw/2026/11/25/purchases.csv: SUCCEEDED, 2 rows in", progress);
    }

    [Fact]
    public async Task Run_WithoutTerminalOrProgress_PrintsNoProgress()
    {
        var result = await CliHarness.RunAsync("run", await GoodFileAsync(), "--json", "--home", Home.Root);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Run_LogFormatJson_EveryLineIsJsonWithTheExecutionIdAndStateName()
    {
        var result = await CliHarness.RunAsync("run", BadFile(), "--json", "--quiet", "--log-format", "json", "--home", Home.Root);

        Assert.Equal(1, result.ExitCode);
        var execution = (string?)Assert.Single(JsonNode.Parse(result.Output)!.AsArray())!["executionArn"];
        var logs = Lines(result.Error).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(logs, l => Assert.Equal(execution, (string?)l["execution_id"]));
        Assert.All(logs, l => Assert.Equal("2026-11-25T12:00:00.000Z", (string?)l["timestamp"]));
        Assert.All(logs.Skip(1), l => Assert.False(string.IsNullOrEmpty((string?)l["state_name"])));
        Assert.Contains(logs, l => (string?)l["message"] == "State entered" && (string?)l["state_name"] == "StartEtlJob" && (string?)l["level"] == "INFO");
        var failed = logs[^1];
        Assert.Equal("ERROR", (string?)failed["level"]);
        Assert.Equal("GetJobRun", (string?)failed["state_name"]);
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("RawObjectQuarantinedException", (string?)failed["error"]);
    }

    private string BadFile()
    {
        var bad = temp.Combine("in", "raw", "2026", "11", "25", "bad.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        File.WriteAllText(bad, "user_id,session_id\nUSI_1,abc\n");
        return bad;
    }

    private async Task<string> GoodFileAsync()
    {
        var file = temp.Combine("in", "purchases.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Core.Schema.PurchaseSchema.CsvHeader + "\n"
            + "USI_1,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,10,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n"
            + "USI_2,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,20,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.2,paypal\n");
        return file;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
