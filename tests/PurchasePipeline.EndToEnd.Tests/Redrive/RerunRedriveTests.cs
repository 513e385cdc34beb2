using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Redrive;

/// <summary>
/// <c>rerun ID --redrive</c> on the local plane, with RedriveExecution's rules
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html): the same
/// execution, its redrive count and date in <c>executions show</c>, one page per failure, and the refusals
/// in Step Functions' words.
/// </summary>
public sealed class RerunRedriveTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task RerunRedrive_FailedExecutionFailsAgain_SameExecutionCountedOnceMoreAndPagedOncePerFailure()
    {
        var failed = await FailedExecutionAsync();

        var redrive = await CliHarness.RunAtAsync(CliHarness.Now.AddMinutes(5), "rerun", failed, "--redrive", "--json", "--home", Home.Root);

        Assert.True(redrive.ExitCode == 1, redrive.Output + redrive.Error);
        var outcome = Assert.Single(JsonNode.Parse(redrive.Output)!.AsArray())!;
        Assert.Equal(("FAILED", "RawObjectQuarantinedException"), ((string?)outcome["status"], (string?)outcome["error"]));
        var execution = Assert.Single(await Executions.ListAsync(Home.Root))!;
        Assert.Equal(failed, (string?)execution["name"]);
        var shown = await Executions.ShowAsync(Home.Root, failed);
        Assert.Equal(1, (int?)shown["redriveCount"]);
        Assert.Equal(CliHarness.Now.AddMinutes(5), (DateTimeOffset?)shown["redriveDate"]);
        Assert.Equal("REDRIVABLE", (string?)shown["redriveStatus"]);
        var events = shown["events"]!.AsArray().Select(e => (string?)e!["type"]).ToList();
        Assert.Equal(1, events.Count(e => e == "ExecutionRedriven"));
        // The redrive continued in Transform: the states before it were entered once.
        var states = shown["states"]!.AsArray().Select(s => (string?)s).ToList();
        Assert.Equal(1, states.Count(s => s == "StartCrawler"));
        Assert.Equal(2, states.Count(s => s == "StartEtlJob"));
        var pages = Alerts.Written(Home.Root).Select(Alerts.MessageOf).ToList();
        Assert.Equal([0, 1], pages.Select(p => (int?)p["redriveCount"]));
    }

    [Fact]
    public async Task RerunRedrive_SucceededExecution_RefusedInOneLineAsStepFunctionsRefusesIt()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        Assert.Equal(0, (await CliHarness.RunAsync("run", SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), "--home", Home.Root)).ExitCode);
        var name = (string)(await Executions.ListAsync(Home.Root))[0]!["name"]!;

        var redrive = await CliHarness.RunAsync("rerun", name, "--redrive", "--home", Home.Root);

        Assert.Equal(1, redrive.ExitCode);
        Assert.Equal($"ExecutionNotRedrivable: {name}: cannot be redriven: Execution is SUCCEEDED and cannot be redriven (start a new execution with rerun)", redrive.Error.Trim());
        Assert.Equal(0, (int?)(await Executions.ShowAsync(Home.Root, name))["redriveCount"]);
    }

    [Fact]
    public async Task RerunRedrive_MoreThanFourteenDaysAfterTheEnd_RefusedAsTheRedrivablePeriodExceeded()
    {
        var failed = await FailedExecutionAsync();

        var redrive = await CliHarness.RunAtAsync(CliHarness.Now.AddDays(15), "rerun", failed, "--redrive", "--home", Home.Root);

        Assert.Equal(1, redrive.ExitCode);
        Assert.StartsWith($"ExecutionNotRedrivable: {failed}: cannot be redriven: Execution redrivable period exceeded (it ended 2026-11-25T12:00:00Z", redrive.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal("FAILED", (string?)(await Executions.ShowAsync(Home.Root, failed))["status"]);
    }

    [Fact]
    public async Task RerunRedrive_WithResetBookmark_ExitsTwoSayingARedriveKeepsTheInput()
    {
        var failed = await FailedExecutionAsync();

        var redrive = await CliHarness.RunAsync("rerun", failed, "--redrive", "--reset-bookmark", "--home", Home.Root);

        Assert.Equal(2, redrive.ExitCode);
        Assert.Contains("--redrive keeps the execution's input", redrive.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs a file whose header the job cannot read: its execution fails in Transform (RawObjectQuarantinedException).</summary>
    private async Task<string> FailedExecutionAsync()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        var file = SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]);
        await File.WriteAllTextAsync(file, SomeFiles.WithBadHeader(await File.ReadAllTextAsync(file)));
        var run = await CliHarness.RunAsync("run", file, "--home", Home.Root);
        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        return (string)(await Executions.ListAsync(Home.Root))[0]!["name"]!;
    }
}
