using System.Text.Json.Nodes;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests;

public sealed class RunTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Run_UnreadableFile_FailsNamingFileAndReasonAndKeepsIt()
    {
        var home = new LocalHome(temp.Combine("home"));
        var bad = temp.Combine("in", "raw", "2026", "11", "25", "bad.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        await File.WriteAllTextAsync(bad, "user_id,session_id\nUSI_1,abc\n");

        var result = await CliHarness.RunAsync("run", bad, "--home", home.Root);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Output.Trim().Split('\n'), l => l.StartsWith("[1/1]", StringComparison.Ordinal));
        Assert.Equal(
            "[1/1] FAILED raw/2026/11/25/bad.csv at GetJobRun: RawObjectQuarantinedException: raw/2026/11/25/bad.csv: quarantined by job run jr_20261125T120000",
            line[..line.IndexOf("jr_20261125T120000", StringComparison.Ordinal)] + "jr_20261125T120000");
        Assert.Contains("not read: header lacks column category", line, StringComparison.Ordinal);
        Assert.True(File.Exists(home.PathOf("raw/2026/11/25/bad.csv")));
        Assert.Equal(0, Lake.Count(home, "clean_purchases"));
        var alert = Assert.Single(Directory.GetFiles(Path.Combine(home.Root, "alerts")));
        var message = JsonNode.Parse((string)JsonNode.Parse(await File.ReadAllTextAsync(alert))!["message"]!)!;
        Assert.Equal("RawObjectQuarantinedException", (string?)message["error"]);
        Assert.Equal("raw/2026/11/25/bad.csv", Support.Alerts.KeyOf(message.AsObject()));
        Assert.StartsWith("https://local.console.aws.amazon.com/states/home?region=local#/v2/executions/details/arn:aws:states:local:", (string?)message["console"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Json_PrintsEachRunWithItsManifestAndRules()
    {
        var file = temp.Combine("in", "purchases.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, PurchaseSchema.CsvHeader + "\n"
            + "USI_1,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,10,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n"
            + "USI_2,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,1000,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n");

        var result = await CliHarness.RunAsync("run", file, "--json", "--home", temp.Combine("home"));

        Assert.Equal(0, result.ExitCode);
        var run = Assert.Single(JsonNode.Parse(result.Output)!.AsArray())!;
        Assert.Equal("SUCCEEDED", (string?)run["status"]);
        Assert.Equal("raw/2026/11/25/purchases.csv", (string?)run["key"]);
        var manifest = run["output"]!["job"]!["manifest"]!;
        Assert.Equal(1, (int?)manifest["rows_clean"]);
        Assert.Equal(1, (int?)manifest["rejected_by_reason"]![RejectReason.DiscountExceedsPrice]);
        Assert.Equal(5, run["output"]!["validation"]!["rules"]!.AsArray().Count);
        Assert.All(run["output"]!["validation"]!["rules"]!.AsArray(), rule => Assert.Equal(0, (long?)rule!["offending"]));
        Assert.Equal("COMPLETED", (string?)run["output"]!["refresh"]!["state"]);
    }

    [Fact]
    public async Task Run_MissingFile_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("run", temp.Combine("nope.csv"), "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv: no such file", result.Error, StringComparison.Ordinal);
    }
}
