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
        Alerts.AssertNames(message, "GetJobRun", "RawObjectQuarantinedException", (string)execution["cause"]!, (string)execution["executionArn"]!, batch.Key);
        var shown = await Executions.ShowAsync(Home.Root, (string)execution["name"]!);
        Assert.Equal(["GetJobRunFailed", "CaughtErrorRecorded", "BuildAlert", "NotifyFailure", "PipelineFailed"], shown["states"]!.AsArray().TakeLast(5).Select(s => (string?)s));
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
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"), files: 2);
        var run = await CliHarness.RunAsync(["run", .. generated.Batches.Select(b => SomeFiles.PathOf(temp.Combine("in"), b)), "--home", Home.Root]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var first = (string)(await Executions.ListAsync(Home.Root)).Last()!["name"]!;

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
    public async Task Rerun_UnknownExecution_ExitsTwoWithOneLine()
    {
        var result = await CliHarness.RunAsync("rerun", "nope", "--home", Home.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("nope: no such execution (see `executions list`)", result.Error.Trim());
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
