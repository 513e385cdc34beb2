using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// A run that fails on an unreadable file, the alert it pages, and `rerun` once the object is fixed, with and
/// without --reset-bookmark: the operations story of README.md ("The command line": rerun), on the real local plane.
/// </summary>
public sealed class RerunTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task Run_FileWithBadHeader_ExecutionFailsWithRawObjectQuarantinedAndAlerts()
    {
        var (batch, _) = await LandBrokenAsync();

        var execution = Assert.Single(await Executions.ListAsync(Home.Root))!;
        Assert.Equal("FAILED", (string?)execution["status"]);
        Assert.Equal("RawObjectQuarantinedException", (string?)execution["error"]);
        Assert.Contains($"{batch.Key}: quarantined by job run jr_", (string?)execution["cause"], StringComparison.Ordinal);
        Assert.Contains("not read: header lacks column category", (string?)execution["cause"], StringComparison.Ordinal);
        var alert = Assert.Single(Alerts.Written(Home.Root));
        var message = Alerts.MessageOf(alert);
        Alerts.AssertNames(message, "FAILED", "RawObjectQuarantinedException", (string)execution["cause"]!, (string)execution["executionArn"]!, batch.Key);
        var shown = await Executions.ShowAsync(Home.Root, (string)execution["name"]!);
        Assert.Equal(["Transform", "StartEtlJob", "WaitForJob", "GetJobRun"], shown["states"]!.AsArray().TakeLast(4).Select(s => (string?)s));
    }

    /// <summary>
    /// The runbook's recovery for RawObjectQuarantinedException: fix the file and upload it again under the same key.
    /// The upload's own execution reads it; a rerun of the failed execution then joins the run that read it.
    /// </summary>
    [Fact]
    public async Task Rerun_AfterTheObjectIsFixedAndUploadedAgain_SucceedsAndItsCleanRowsAppear()
    {
        var (batch, good) = await LandBrokenAsync();
        var failed = (string)(await Executions.ListAsync(Home.Root))[0]!["name"]!;
        var file = SomeFiles.PathOf(temp.Combine("in"), batch);
        await File.WriteAllTextAsync(file, good);
        var upload = await CliHarness.RunAtAsync(CliHarness.Now.AddMinutes(5), "run", file, "--home", Home.Root);
        Assert.True(upload.ExitCode == 0, upload.Output + upload.Error);

        var rerun = await CliHarness.RunAtAsync(CliHarness.Now.AddMinutes(10), "rerun", failed, "--json", "--home", Home.Root);

        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        var outcome = Assert.Single(JsonNode.Parse(rerun.Output)!.AsArray())!;
        Assert.Equal("SUCCEEDED", (string?)outcome["status"]);
        Assert.Equal(batch.Key, (string?)outcome["key"]);
        Assert.Equal(batch.ValidUnique, (int?)outcome["output"]!["job"]!["manifest"]!["rows_clean"]);
        Assert.Equal(batch.ValidUnique, Lake.Count(Home, "clean_purchases"));
        var executions = await Executions.ListAsync(Home.Root);
        Assert.Equal(["SUCCEEDED", "SUCCEEDED", "FAILED"], executions.Select(e => (string?)e!["status"]));
        Assert.Equal(executions[2]!["name"]!.GetValue<string>(), failed);
    }

    [Fact]
    public async Task Rerun_ResetBookmark_ReprocessesEveryObjectWithoutDuplicatingCleanRows()
    {
        var (generated, first) = await RunTwoFilesAsync();

        var rerun = await CliHarness.RunAsync("rerun", first, "--reset-bookmark", "--json", "--home", Home.Root);

        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        var outcome = Assert.Single(JsonNode.Parse(rerun.Output)!.AsArray())!;
        var manifest = outcome["output"]!["job"]!["manifest"]!;
        Assert.Equal(generated.Batches.Count, (int?)manifest["file_count"]);
        var shown = await Executions.ShowAsync(Home.Root, (string)outcome["name"]!);
        Assert.Equal(generated.Batches.Select(b => b.Key).Order(StringComparer.Ordinal), shown["manifest"]!["files"]!.AsArray().Select(f => (string)f!["key"]!).Order(StringComparer.Ordinal));
        Assert.Equal(generated.Rows, (int?)manifest["rows_in"]);
        Assert.Equal(0, (int?)manifest["rows_clean"]);
        Assert.True((bool)shown["input"]!["rerun"]!["resetBookmark"]!);
        Assert.Equal(generated.ValidUnique, Lake.Count(Home, "clean_purchases"));
        Assert.Equal(Lake.Count(Home, "clean_purchases"), Lake.CountDistinct(Home, "clean_purchases", "purchase_id"));
    }

    [Fact]
    public async Task Rerun_ResetBookmark_RebuildsTheDailyAggregatesOfEveryDateItReads()
    {
        var (generated, first) = await RunTwoFilesAsync();
        var aggregates = Directory.GetDirectories(Home.Aggregates).Select(Path.GetFileName).ToList();
        Assert.Equal(5, aggregates.Count);
        var expected = AggregateTotals(aggregates!);
        // Aggregates lost or computed by an older job: the runbook's remedy is a rerun with the bookmark reset.
        Directory.Delete(Home.Aggregates, recursive: true);

        var rerun = await CliHarness.RunAsync("rerun", first, "--reset-bookmark", "--home", Home.Root);

        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        Assert.Equal(expected, AggregateTotals(aggregates!));
        Assert.Equal(Lake.Scalar(Home, "SELECT count(DISTINCT purchase_date) FROM clean_purchases"), Lake.Scalar(Home, "SELECT count(DISTINCT purchase_date) FROM agg_daily_device"));
    }

    [Fact]
    public async Task Rerun_AfterADataQualityRuleFailed_TheFailedRunPublishedNothingAndTheRerunPublishesItsRows()
    {
        var earlier = await SomeFiles.GenerateAsync(temp.Combine("earlier"));
        var first = await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("earlier"), earlier.Batches[0]), "--home", Home.Root);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        // A backup restored over the clean table: every row twice, which no_duplicate_purchase_ids finds in each
        // partition a later run writes to. The later object (another seed: other rows, same day) is the run that fails.
        var restored = Directory.GetFiles(Home.CleanPurchases, "*.parquet", SearchOption.AllDirectories)
            .Select(file => Copy(file, Path.Combine(Path.GetDirectoryName(file)!, "restored-" + Path.GetFileName(file))))
            .ToList();
        var before = LakeTotals();
        var later = await SomeFiles.GenerateAsync(temp.Combine("later"), seed: 12);
        Assert.Equal(earlier.Batches[0].Date, later.Batches[0].Date);

        var broken = await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("later"), later.Batches[0]), "--home", Home.Root);

        Assert.True(broken.ExitCode == 1, broken.Output + broken.Error);
        var failed = (await Executions.ListAsync(Home.Root))[0]!;
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Contains("no_duplicate_purchase_ids", (string?)failed["cause"], StringComparison.Ordinal);
        Assert.Equal(before, LakeTotals());

        // The runbook's recovery: fix the data, then a plain rerun.
        restored.ForEach(File.Delete);
        var rerun = await CliHarness.RunAsync("rerun", (string)failed["name"]!, "--json", "--home", Home.Root);

        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        var outcome = Assert.Single(JsonNode.Parse(rerun.Output)!.AsArray())!;
        Assert.Equal("SUCCEEDED", (string?)outcome["status"]);
        Assert.Equal(later.ValidUnique, (int?)outcome["output"]!["job"]!["manifest"]!["rows_clean"]);
        Assert.Equal(earlier.ValidUnique + later.ValidUnique, Lake.Count(Home, "clean_purchases"));
        Assert.Equal(Lake.Count(Home, "clean_purchases"), Lake.CountDistinct(Home, "clean_purchases", "purchase_id"));
    }

    [Fact]
    public async Task Rerun_UnknownExecution_ExitsTwoWithOneLine()
    {
        var result = await CliHarness.RunAsync("rerun", "nope", "--home", Home.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("nope: no such execution (see `executions list`)", result.Error.Trim());
    }

    /// <summary>The clean table's orders and revenue (in cents), then each daily aggregate's, which add up to them.</summary>
    private long[] AggregateTotals(IEnumerable<string> aggregates) =>
    [
        Lake.Scalar(Home, "SELECT count(*) FROM clean_purchases"),
        Lake.Scalar(Home, "SELECT CAST(sum(net_revenue) * 100 AS BIGINT) FROM clean_purchases"),
        .. aggregates.SelectMany(table => new[]
        {
            Lake.Scalar(Home, $"SELECT CAST(coalesce(sum(orders), 0) AS BIGINT) FROM {table}"),
            Lake.Scalar(Home, $"SELECT CAST(coalesce(sum(revenue), 0) * 100 AS BIGINT) FROM {table}"),
        }),
    ];

    /// <summary>What a user of the catalog sees: clean, rejected and aggregate rows, and the runs with a manifest.</summary>
    private long[] LakeTotals() =>
    [
        Lake.Count(Home, "clean_purchases"),
        Lake.Count(Home, "rejected_purchases"),
        Lake.Count(Home, "run_manifests"),
        .. Directory.GetDirectories(Home.Aggregates).Select(folder => Lake.Count(Home, Path.GetFileName(folder))),
    ];

    private static string Copy(string source, string target)
    {
        File.Copy(source, target);
        return target;
    }

    /// <summary>Generates two files and runs them; returns them and the first execution's name.</summary>
    private async Task<(GenerationResult Generated, string First)> RunTwoFilesAsync()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"), files: 2);
        var run = await CliHarness.RunAsync(["run", .. generated.Batches.Select(b => SomeFiles.PathOf(temp.Combine("in"), b)), "--home", Home.Root]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        return (generated, (string)(await Executions.ListAsync(Home.Root)).Last()!["name"]!);
    }

    /// <summary>Generates a file, breaks its header, and runs it (it fails); returns the batch and the good content.</summary>
    private async Task<(BatchSummary Batch, string Good)> LandBrokenAsync()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        var batch = generated.Batches[0];
        var file = SomeFiles.PathOf(temp.Combine("in"), batch);
        var good = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, SomeFiles.WithBadHeader(good));
        var run = await CliHarness.RunAsync("run", file, "--home", Home.Root);
        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        return (batch, good);
    }
}
