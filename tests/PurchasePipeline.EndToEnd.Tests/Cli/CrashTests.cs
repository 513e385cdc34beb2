using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// `watch` as a real process, killed with SIGKILL or stopped with SIGTERM while an execution runs (its job
/// writing to lake/_staging): no execution is left RUNNING, and no announced object goes unprocessed.
/// </summary>
public sealed class CrashTests : IDisposable
{
    /// <summary>Only turns a hang into a failure; never asserted.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task Watch_KilledWhileItsJobStages_ExecutionClosedAsAbortedWithAlertAndRestartedWatchProcessesTheObject()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"), rows: 40_000);
        var batch = generated.Batches[0];
        // Killed by its own crash point once the job has staged its output: polling lake/_staging from here
        // raced the job on a busy machine (it could finish before a poll saw the folder).
        using (var first = CliProcess.Start(new Dictionary<string, string?> { [CrashPoint.Variable] = CrashPoint.Staged }, "watch", "--interval", "0.05s", "--home", Home.Root))
        {
            Uploads.Drop(Home, SomeFiles.PathOf(temp.Combine("in"), batch), batch.Key);
            Assert.True(await first.WaitForExitAsync(Patience) == 137, "the staged crash point was not reached: " + first.Output + first.Error);
        }

        var afterKill = await Executions.ListAsync(Home.Root);
        using (var second = CliProcess.Start("watch", "--interval", "0.05s", "--home", Home.Root))
        {
            await Eventually.WaitForAsync(() => second.Output.Contains(" SUCCEEDED " + batch.Key, StringComparison.Ordinal) ? second.Output : null, Patience, () => second.Output + second.Error);
            Assert.Equal(0, await second.TerminateAsync(Patience));
        }

        var killed = Assert.Single(afterKill)!;
        Assert.Equal("ABORTED", (string?)killed["status"]);
        Assert.Equal(ExecutionStore.ProcessLostError, (string?)killed["error"]);
        Assert.Contains("killed or crashed", (string?)killed["cause"], StringComparison.Ordinal);
        var alert = Alerts.MessageOf(Assert.Single(Alerts.Written(Home.Root)));
        Assert.Equal(ExecutionStore.ProcessLostError, (string?)alert["error"]);
        Assert.Equal(batch.Key, Alerts.KeyOf(alert));
        Assert.Equal("ABORTED", (string?)alert["status"]);
        var all = new ExecutionStore(Home).List();
        Assert.Equal(["SUCCEEDED", "ABORTED"], all.Select(e => e.Status));
        Assert.Equal(batch.ValidUnique, Lake.Count(Home, "clean_purchases"));
        Assert.Equal(batch.ValidUnique, Lake.CountDistinct(Home, "clean_purchases", "purchase_id"));
    }

    [Fact]
    public async Task Watch_SigtermWhileItsJobStages_EndsLikeCtrlCWithTheExecutionAborted()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"), rows: 40_000);
        var batch = generated.Batches[0];
        using var watch = CliProcess.Start("watch", "--interval", "0.05s", "--home", Home.Root);
        Uploads.Drop(Home, SomeFiles.PathOf(temp.Combine("in"), batch), batch.Key);
        await WaitForStagingAsync(watch);

        var exitCode = await watch.TerminateAsync(Patience);

        Assert.True(exitCode == 0, watch.Output + watch.Error);
        var execution = Assert.Single(new ExecutionStore(Home).List());
        Assert.Equal("ABORTED", execution.Status);
        Assert.Equal(ExecutionStore.StoppedError, execution.Error);
        Assert.DoesNotContain("   at ", watch.Error, StringComparison.Ordinal);
    }

    /// <summary>The job of the running execution is writing its output (lake/_staging/RUN/ has files).</summary>
    private async Task WaitForStagingAsync(CliProcess watch) =>
        await Eventually.WaitForAsync(
            () => Directory.Exists(Home.Staging) && Directory.EnumerateFiles(Home.Staging, "*", SearchOption.AllDirectories).Any() ? Home.Staging : null,
            Patience,
            () => "lake/_staging: " + watch.Output + watch.Error);
}
