using System.IO.Compression;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// Inputs that used to be skipped silently, crash the CLI or mislead: each is refused with one line naming
/// the file and the reason, or handled with nothing lost (issue 9, findings 1, 5 and 8).
/// </summary>
public sealed class LandingEdgeTests : IDisposable
{
    private const string Row = "USI_1,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,10,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    /// <summary>
    /// Spark (so Glue) never reads names starting with '_' or '.' (apache/spark,
    /// core/src/main/scala/org/apache/spark/util/HadoopFSUtils.scala, shouldFilterOutPathName); '~' and '.tmp'
    /// are files still being written. `run` used to land them and end SUCCEEDED with 0 rows in.
    /// </summary>
    [Theory]
    [InlineData("_purchases.csv", "names starting with '_'")]
    [InlineData(".purchases.csv", "names starting with '.'")]
    [InlineData("~purchases.csv", "names starting with '~'")]
    [InlineData("purchases.csv.tmp", "names ending in .tmp")]
    public async Task Run_NameThePipelineNeverReads_RefusedWithOneLineAndNothingLanded(string name, string reason)
    {
        var file = await WriteAsync(name, PurchaseSchema.CsvHeader + "\n" + Row);

        var result = await CliHarness.RunAsync("run", file, "--home", Home.Root);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal($"{file}: not landed: ignored by design: {reason}", line[..line.IndexOf(" are ", StringComparison.Ordinal)]);
        Assert.False(Directory.Exists(Home.Raw));
        Assert.Empty(new ExecutionStore(Home).List());
    }

    [Fact]
    public async Task Scan_HiddenObjectAndLinkedFolderUnderRaw_StartsNothingAndSaysWhyOnce()
    {
        var host = new PipelineHost(Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null);
        Directory.CreateDirectory(Path.Combine(Home.Raw, "2026", "11", "25"));
        await File.WriteAllTextAsync(Home.PathOf("raw/2026/11/25/_purchases.csv"), PurchaseSchema.CsvHeader + "\n" + Row);
        var outside = await WriteAsync("outside/purchases.csv", PurchaseSchema.CsvHeader + "\n" + Row);
        Directory.CreateSymbolicLink(Path.Combine(Home.Raw, "2026", "11", "26"), Path.GetDirectoryName(outside)!);
        var lines = new List<string>();

        var events = Enumerable.Range(0, 3).SelectMany(_ => host.Trigger.Scan(lines.Add)).ToList();

        Assert.Empty(events);
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("raw/2026/11/25/_purchases.csv: ignored by design: names starting with '_'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"raw/2026/11/26/: a link to the folder {Path.GetDirectoryName(outside)}: not followed", StringComparison.Ordinal));
    }

    /// <summary>A folder linked under raw/ used to put files from outside the home into the lake.</summary>
    [Fact]
    public async Task Run_FolderUnderRawLinksOutsideTheHome_ItsFilesAreNotRead()
    {
        var outside = await WriteAsync("outside/purchases.csv", PurchaseSchema.CsvHeader + "\n" + Row.Replace("USI_1", "USI_9", StringComparison.Ordinal));
        Directory.CreateDirectory(Home.Raw);
        Directory.CreateSymbolicLink(Path.Combine(Home.Raw, "linked"), Path.GetDirectoryName(outside)!);
        var file = await WriteAsync("purchases.csv", PurchaseSchema.CsvHeader + "\n" + Row);

        var result = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(1, (long?)JsonNode.Parse(result.Output)![0]!["output"]!["job"]!["manifest"]!["rows_in"]);
        Assert.Equal(1, Lake.Count(Home, "clean_purchases"));
    }

    /// <summary>
    /// The etag was the file's size and mtime: a corrected file of the same size, its mtime kept (a copy that
    /// preserves it, a restore), was never read again. It is the MD5 of the content now, as S3's ETag (the
    /// brand is corrected here, so the corrected row is a new purchase next to the first one).
    /// </summary>
    [Fact]
    public async Task Run_CorrectedFileWithSameSizeAndMtime_IsReadAgain()
    {
        var file = await WriteAsync("purchases.csv", PurchaseSchema.CsvHeader + "\n" + Row);
        var stamp = File.GetLastWriteTimeUtc(file);
        var first = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);
        await File.WriteAllTextAsync(file, PurchaseSchema.CsvHeader + "\n" + Row.Replace(",Dell,", ",Acer,", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, stamp);

        var second = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Error + second.Error);
        Assert.Equal(1, (long?)JsonNode.Parse(second.Output)![0]!["output"]!["job"]!["manifest"]!["rows_in"]);
        Assert.Equal(1, (long?)JsonNode.Parse(second.Output)![0]!["output"]!["job"]!["manifest"]!["rows_clean"]);
        Assert.Equal(2, Lake.Count(Home, "clean_purchases"));
        Assert.NotEqual(
            (string?)JsonNode.Parse(new ExecutionStore(Home).List()[1].Input)!["detail"]!["object"]!["etag"],
            (string?)JsonNode.Parse(new ExecutionStore(Home).List()[0].Input)!["detail"]!["object"]!["etag"]);
    }

    /// <summary>The header error quoted the 5 MB line: the task's result broke the 256 KiB limit (States.DataLimitExceeded) and nobody was paged.</summary>
    [Fact]
    public async Task Run_FiveMegabyteFirstLine_FailsItsExecutionWithAnAlertNamingTheFile()
    {
        var file = await WriteAsync("huge.csv", new string('x', 5 * 1024 * 1024) + "\n" + Row);

        var result = await CliHarness.RunAsync("run", file, "--home", Home.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "[1/1] FAILED raw/2026/11/25/huge.csv at GetJobRun: RawObjectQuarantinedException: raw/2026/11/25/huge.csv: quarantined by job run ", result.Output, StringComparison.Ordinal);
        Assert.Contains("not read: the first line is longer than 65,536 characters", result.Output, StringComparison.Ordinal);
        var alert = Alerts.MessageOf(Assert.Single(Alerts.Written(Home.Root)));
        Assert.Equal("raw/2026/11/25/huge.csv", Alerts.KeyOf(alert));
    }

    /// <summary>
    /// One poison object used to fail every later execution (issue 9, finding 3; the long line's DuckDB error named no
    /// file and was blamed on the next good one). Expected: the run that reads the batch commits the good files and
    /// quarantines the poison one; only the poison object's execution fails, with one alert naming it and why; a
    /// later good file succeeds.
    /// </summary>
    [Theory]
    [InlineData("headerless", "not read: header lacks column user_id")]
    [InlineData("long-line", "not read: Invalid Input Error: CSV Error on Line: 3; Maximum line size of 2000000 bytes exceeded")]
    [InlineData("not-purchases", "not read: header lacks column user_id")]
    public async Task Run_PoisonFileAmongGoodOnes_OnlyItsExecutionFailsAndLaterFilesSucceed(string kind, string reason)
    {
        var poison = await WriteAsync("poison.csv", kind switch
        {
            "headerless" => Row + Row.Replace("USI_1", "USI_3", StringComparison.Ordinal),
            "long-line" => PurchaseSchema.CsvHeader + "\n" + Row + new string('x', 3 * 1024 * 1024) + "\n",
            _ => "root:x:0:0:root:/root:/bin/bash\n",
        });
        var before = await WriteAsync("a.csv", PurchaseSchema.CsvHeader + "\n" + Row);
        var after = await WriteAsync("c.csv", PurchaseSchema.CsvHeader + "\n" + Row.Replace("USI_1", "USI_2", StringComparison.Ordinal));

        var result = await CliHarness.RunAsync("run", before, poison, after, "--home", Home.Root);

        Assert.Equal(1, result.ExitCode);
        var outcomes = result.Output.Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.Equal(3, outcomes.Count);
        Assert.Contains(outcomes, l => l.StartsWith("[1/3] SUCCEEDED raw/2026/11/25/a.csv", StringComparison.Ordinal));
        Assert.Contains(outcomes, l => l.StartsWith("[3/3] SUCCEEDED raw/2026/11/25/c.csv", StringComparison.Ordinal));
        var failed = Assert.Single(outcomes, l => l.Contains("FAILED", StringComparison.Ordinal));
        Assert.StartsWith("[2/3] FAILED raw/2026/11/25/poison.csv at GetJobRun: RawObjectQuarantinedException: raw/2026/11/25/poison.csv: quarantined by job run jr_", failed, StringComparison.Ordinal);
        Assert.Contains(reason, failed, StringComparison.Ordinal);
        var alert = Alerts.MessageOf(Assert.Single(Alerts.Written(Home.Root)));
        Assert.Equal(("raw/2026/11/25/poison.csv", "RawObjectQuarantinedException"), (Alerts.KeyOf(alert), (string?)alert["error"]));
        Assert.Equal(2, Lake.Count(Home, "clean_purchases"));
        Assert.True(File.Exists(Home.PathOf("raw/2026/11/25/poison.csv")));

        var later = await CliHarness.RunAsync("run", await WriteAsync("d.csv", PurchaseSchema.CsvHeader + "\n" + Row.Replace("USI_1", "USI_4", StringComparison.Ordinal)), "--home", Home.Root);

        Assert.True(later.ExitCode == 0, later.Output + later.Error);
        Assert.Equal(3, Lake.Count(Home, "clean_purchases"));
        Assert.Single(Alerts.Written(Home.Root));
    }

    /// <summary>Glue and Athena read gzip-compressed CSV by its .gz extension; the local job refused it ("header lacks column").</summary>
    [Fact]
    public async Task Run_GzipCompressedCsv_IsReadLikeGlueReadsIt()
    {
        var file = temp.Combine("in", "purchases.csv.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Optimal))
        await using (var writer = new StreamWriter(gzip))
        {
            await writer.WriteAsync(PurchaseSchema.CsvHeader + "\n" + Row + Row.Replace("USI_1", "USI_2", StringComparison.Ordinal));
        }

        var result = await CliHarness.RunAsync("run", file, "--json", "--home", Home.Root);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(2, Lake.Count(Home, "clean_purchases"));
    }

    /// <summary>A full disk while landing printed a stack trace and left landing's .tmp file filling the disk.</summary>
    [Fact]
    public async Task Land_DiskFullWhileCopying_OneLineNoTempFileAndTheOldObjectKept()
    {
        var file = await WriteAsync("raw/2026/11/25/purchases.csv", PurchaseSchema.CsvHeader + "\n" + Row);
        var key = Landing.Land(Home, file, CliHarness.Now).Key;
        var before = await File.ReadAllTextAsync(Home.PathOf(key));

        var error = Assert.Throws<LandingException>(() => Landing.Land(Home, file, CliHarness.Now, (_, target) =>
        {
            File.WriteAllText(target, "USI_1,half a row");
            throw new IOException("No space left on device");
        }));

        Assert.Equal($"{file}: not landed as {key}: No space left on device", error.Message);
        Assert.Empty(Directory.GetFiles(Home.Landing, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(before, await File.ReadAllTextAsync(Home.PathOf(key)));
    }

    [Fact]
    public async Task Watch_TruncatedTriggerRecord_OneLineNamingItAndExitTwo()
    {
        Directory.CreateDirectory(Path.Combine(Home.Root, "trigger"));
        await File.WriteAllTextAsync(Path.Combine(Home.Root, "trigger", "emitted.json"), "{\"raw/2026/11/25/a.csv\": \"0a1b");

        var result = await CliHarness.RunAsync("watch", "--home", Home.Root);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith(Path.Combine(Home.Root, "trigger", "emitted.json") + ": not valid JSON", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionsList_TruncatedDatabase_OneLineNamingItAndExitTwo()
    {
        var file = await WriteAsync("purchases.csv", PurchaseSchema.CsvHeader + "\n" + Row);
        Assert.Equal(0, (await CliHarness.RunAsync("run", file, "--home", Home.Root)).ExitCode);
        var database = Path.Combine(Home.Root, "executions.duckdb");
        await using (var stream = new FileStream(database, FileMode.Open))
        {
            stream.SetLength(stream.Length / 3);
        }

        var result = await CliHarness.RunAsync("executions", "list", "--home", Home.Root);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith(database + ": not a readable executions database", line, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string relative, string content)
    {
        var file = temp.Combine(["in", .. relative.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        return file;
    }
}
