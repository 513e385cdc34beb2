using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// Several processes on one home at once, as several executions share one account on AWS: `watch` with 50 objects
/// landed together while three `run`s start. Each process crawls or joins the crawl in progress (in whichever
/// process), its job runs wait their turn for the job, and the databases' locks are waited for (issue 9, finding 6).
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    /// <summary>Only turns a hang into a failure; never asserted.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task WatchAndThreeRuns_FiftyObjectsLandedAtOnce_EveryExecutionSucceedsAndEveryRowIsInTheLakeOnce()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"), files: 54, rows: 40);
        var (landed, run, sentinel) = (generated.Batches.Take(50).ToList(), generated.Batches.Skip(50).Take(3).ToList(), generated.Batches[53]);
        using var watch = CliProcess.Start("watch", "--interval", "0.2s", "--home", Home.Root);
        await Eventually.WaitForAsync(() => watch.Output.Contains("watching", StringComparison.Ordinal) ? "started" : null, Patience, () => watch.Error);
        landed.ForEach(b => Uploads.Drop(Home, SomeFiles.PathOf(temp.Combine("in"), b), b.Key));
        var runs = run.Select(b => CliProcess.Start("run", SomeFiles.PathOf(temp.Combine("in"), b), "--home", Home.Root)).ToList();
        try
        {
            foreach (var process in runs)
            {
                Assert.True(await process.WaitForExitAsync(Patience) == 0, process.Output + process.Error);
            }

            await Uploads.HandledAsync(Home, landed.Concat(run).Select(b => b.Key), Patience, () => watch.Output + watch.Error);
            // Everything is handled; a scan from before the runs recorded theirs may still be announcing their objects.
            // The watch handles events in order, so once an object landed now has its line, it announces nothing older.
            Uploads.Drop(Home, SomeFiles.PathOf(temp.Combine("in"), sentinel), sentinel.Key);
            await Eventually.WaitForAsync(() => watch.Output.Contains(" " + sentinel.Key, StringComparison.Ordinal) ? "idle" : null, Patience, () => watch.Output + watch.Error);
            Assert.Equal(0, await watch.TerminateAsync(Patience));
        }
        finally
        {
            runs.ForEach(p => p.Dispose());
        }

        var executions = new ExecutionStore(Home).List(limit: 1000);
        Assert.All(executions, e => Assert.True(e.Status == "SUCCEEDED", $"{e.Name}: {e.Status} {e.Error} {e.Cause}"));
        Assert.Equal(generated.Batches.Select(b => b.Key).Order(), executions.Select(e => ObjectKey(e.Input)).Distinct().Order());
        var clean = generated.Batches.Sum(b => b.ValidUnique);
        Assert.Equal((clean, clean), (Lake.Count(Home, "clean_purchases"), Lake.CountDistinct(Home, "clean_purchases", "purchase_id")));
        Assert.Equal(generated.Batches.Sum(b => b.Rejected), Lake.Count(Home, "rejected_purchases"));
    }

    private static string? ObjectKey(string input) => (string?)System.Text.Json.Nodes.JsonNode.Parse(input)?["detail"]?["object"]?["key"];
}
