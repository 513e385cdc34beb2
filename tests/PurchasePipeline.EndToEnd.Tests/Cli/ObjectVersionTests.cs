using PurchasePipeline.Functions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// Landing a file over an existing raw object replaced it silently (issue 12, "Install and help"). The deployed
/// bucket has versioning on (infra), so the earlier version survives an overwrite there; locally it is kept under
/// landing/.versions/, a hidden name that nothing lists as an object, and landing says so in one line on stderr.
/// </summary>
public sealed class ObjectVersionTests : IDisposable
{
    private const string Key = "raw/2026/11/25/purchases.csv";
    private const string Row = "USI_1,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,10,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task Run_OtherContentOverAnObject_SaysSoKeepsTheEarlierVersionAndReadsOnlyTheNewOne()
    {
        var first = PurchaseSchema.CsvHeader + "\n" + Row;
        var corrected = PurchaseSchema.CsvHeader + "\n" + Row.Replace(",Dell,", ",Acer,", StringComparison.Ordinal) + Row.Replace("USI_1", "USI_2", StringComparison.Ordinal);
        var file = await WriteAsync(first);
        Assert.Equal(0, (await CliHarness.RunAsync("run", file, "--home", Home.Root)).ExitCode);
        await File.WriteAllTextAsync(file, corrected);

        var second = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);

        Assert.True(second.ExitCode == 0, second.Error);
        var kept = Path.Combine(Home.Landing, ".versions", "raw", "2026", "11", "25", "purchases.csv", ETag(first) + ".csv");
        Assert.Equal($"{Key}: replaced an earlier version (ETag {ETag(first)}), which is kept as {kept}", second.Error.Trim());
        Assert.Equal(first, await File.ReadAllTextAsync(kept));
        Assert.Equal(corrected, await File.ReadAllTextAsync(Home.PathOf(Key)));
        Assert.Equal(2, (long?)JsonNode.Parse(second.Output)![0]!["output"]!["job"]!["manifest"]!["rows_in"]);
        Assert.Equal(3, Lake.Count(Home, "clean_purchases"));

        // Never read as an object: a reset bookmark reads every object in raw/ again, and the kept version is none.
        var everything = new LocalEtlJob(Home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { ResetBookmark = true });
        Assert.Equal([Key], everything.Files.Select(f => f.Key));
        Assert.Equal(2, everything.RowsIn);

        // Nor announced or reported by the watcher.
        var lines = new List<string>();
        var host = new PipelineHost(Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null);
        Assert.Empty(Enumerable.Range(0, 3).SelectMany(_ => host.Trigger.Scan(lines.Add)));
        Assert.Empty(lines);
    }

    [Fact]
    public async Task Run_SameContentAgain_SaysItIsARedeliveryAndKeepsNoCopy()
    {
        var content = PurchaseSchema.CsvHeader + "\n" + Row;
        var file = await WriteAsync(content);
        var first = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);

        var again = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal($"{Key}: landed again with the same content (ETag {ETag(content)}): a re-delivery, which the job does not read again", again.Error.Trim());
        Assert.False(Directory.Exists(Path.Combine(Home.Landing, ".versions")));
        // The execution finds the run that read this content the first time (a re-delivery starts no reading).
        Assert.Equal(RunIdOf(first), RunIdOf(again));
        Assert.Equal(1, Lake.Count(Home, "clean_purchases"));
    }

#pragma warning disable CA5351 // S3's ETag is an MD5.
    private static string? RunIdOf(CliResult result) => (string?)JsonNode.Parse(result.Output)![0]!["output"]!["job"]!["manifest"]!["run_id"];

    private static string ETag(string content) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));
#pragma warning restore CA5351

    private async Task<string> WriteAsync(string content)
    {
        var file = temp.Combine("in", "raw", "2026", "11", "25", "purchases.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        return file;
    }
}
