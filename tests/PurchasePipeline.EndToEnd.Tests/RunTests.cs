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
        var line = Assert.Single(result.Output.Trim().Split('\n'));
        Assert.Contains("raw/2026/11/25/bad.csv: header lacks column category", line, StringComparison.Ordinal);
        Assert.True(File.Exists(home.PathOf("raw/2026/11/25/bad.csv")));
        Assert.False(Directory.Exists(home.CleanPurchases));
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
        Assert.Equal(1, (int?)run["manifest"]!["rows_clean"]);
        Assert.Equal(1, (int?)run["manifest"]!["rejected_by_reason"]![RejectReason.DiscountExceedsPrice]);
        Assert.All(run["validation"]!.AsArray(), rule => Assert.True((bool?)rule!["passed"]));
    }

    [Fact]
    public async Task Run_MissingFile_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("run", temp.Combine("nope.csv"), "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv: no such file", result.Error, StringComparison.Ordinal);
    }
}
