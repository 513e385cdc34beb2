using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Generator;
using PurchasePipeline.Local;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// `run` and `watch` killed with SIGKILL at each of the points where a crash matters (the job's staging, its commit
/// journal, before and after its bookmark write, the execution's record, the trigger's record): the process kills
/// itself there (<see cref="CrashPoint"/>, armed by PURCHASE_PIPELINE_CRASH_AT), so every point is hit exactly.
/// Afterwards the next command completes, no execution is left RUNNING, and every row of every object is in the lake
/// exactly once (counted from the lake's Parquet, not from any manifest).
/// </summary>
public sealed class CrashPointTests : IDisposable
{
    /// <summary>Only turns a hang into a failure; never asserted.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The exit code of a process ended by SIGKILL (128 + 9).</summary>
    private const int Killed = 137;

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    public static TheoryData<string> RunPoints => [.. CrashPoint.All];

    public static TheoryData<string> WatchPoints => [CrashPoint.CommitJournal, CrashPoint.ExecutionRecorded, CrashPoint.TriggerRecord];

    [Theory]
    [MemberData(nameof(RunPoints))]
    public async Task Run_KilledAtAPoint_TheNextRunCompletesAndEveryRowIsInTheLakeOnce(string point)
    {
        var generated = await GenerateAsync();
        var (first, second) = (PathOf(generated.Batches[0]), PathOf(generated.Batches[1]));
        using (var crashing = CliProcess.Start(Armed(point), "run", first, "--home", Home.Root))
        {
            Assert.True(await crashing.WaitForExitAsync(Patience) == Killed, $"{point} was not reached: {crashing.Output}{crashing.Error}");
        }

        using (var next = CliProcess.Start("run", first, second, "--home", Home.Root))
        {
            Assert.True(await next.WaitForExitAsync(Patience) == 0, next.Output + next.Error);
        }

        var executions = new ExecutionStore(Home).List();
        Assert.DoesNotContain(executions, e => e.Status == "RUNNING");
        Assert.Equal(["SUCCEEDED", "SUCCEEDED"], executions.Take(2).Select(e => e.Status));
        AssertEveryRowOnce(generated);
    }

    [Theory]
    [MemberData(nameof(WatchPoints))]
    public async Task Watch_KilledAtAPoint_TheRestartedWatchAnnouncesWhatWasLostAndEveryRowIsInTheLakeOnce(string point)
    {
        var generated = await GenerateAsync();
        using var crashing = CliProcess.Start(Armed(point), "watch", "--interval", "0.05s", "--home", Home.Root);
        generated.Batches.ToList().ForEach(b => Uploads.Drop(Home, PathOf(b), b.Key));
        Assert.True(await crashing.WaitForExitAsync(Patience) == Killed, $"{point} was not reached: {crashing.Output}{crashing.Error}");

        using (var restarted = CliProcess.Start("watch", "--interval", "0.05s", "--home", Home.Root))
        {
            await Uploads.HandledAsync(Home, generated.Batches.Select(b => b.Key), Patience, () => crashing.Output + restarted.Output + restarted.Error);
            Assert.Equal(0, await restarted.TerminateAsync(Patience));
        }

        // The crashed watch's executions were closed ABORTED (and announced again); every other one succeeded.
        Assert.All(new ExecutionStore(Home).List(), e => Assert.True(e.Status is "SUCCEEDED" or "ABORTED", e.Name + ": " + e.Status + " " + e.Cause));
        AssertEveryRowOnce(generated);
    }

    private static Dictionary<string, string?> Armed(string point) => new() { [CrashPoint.Variable] = point };

    private Task<GenerationResult> GenerateAsync() => SomeFiles.GenerateAsync(temp.Combine("in"), files: 2, rows: 300);

    private string PathOf(BatchSummary batch) => SomeFiles.PathOf(temp.Combine("in"), batch);

    /// <summary>Every generated row is clean or rejected once: counted from the lake's files, as a user of the catalog sees them.</summary>
    private void AssertEveryRowOnce(GenerationResult generated)
    {
        var clean = generated.Batches.Sum(b => b.ValidUnique);
        Assert.Equal((clean, clean), (Lake.Count(Home, "clean_purchases"), Lake.CountDistinct(Home, "clean_purchases", "purchase_id")));
        Assert.Equal(generated.Batches.Sum(b => b.Rejected), Lake.Count(Home, "rejected_purchases"));
    }
}
