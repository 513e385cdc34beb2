using Microsoft.Extensions.Time.Testing;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// `watch`, the local EventBridge rule: one execution per object created or overwritten under raw/, none for
/// objects the rule's pattern does not match, none for an object seen before with the same etag.
/// </summary>
public sealed class WatchTests : IDisposable
{
    /// <summary>The watcher's --interval: time on the test's clock, which only the test moves.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(7);

    /// <summary>How long the test waits for the watcher to finish a scan before giving up (never asserted).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Combine("home"));

    [Fact]
    public async Task Watch_TwoFilesAndAReferenceFileDropped_RunsOneExecutionPerRawFileUntilCancelled()
    {
        var generated = await GeneratorRunner.RunAsync(
            new GenerateOptions { Out = temp.Combine("in"), Files = 2, Rows = 200, Seed = 5, StartDate = SomeFiles.Day, IncludeUsers = true },
            progress: null,
            CancellationToken.None);
        foreach (var key in generated.Batches.Select(b => b.Key).Append(generated.UsersKey!))
        {
            Drop(temp.Combine("in", key), key);
        }

        using var clock = new ScanClock(CliHarness.Now, Interval);
        using var stop = new CancellationTokenSource();
        var watch = CliHarness.RunAsync(["watch", "--interval", $"{Interval.TotalSeconds}s", "--home", Home.Root], clock, stop.Token);

        // An object is announced once two scans saw the same etag: nothing after the first scan, both raw files
        // (run to their end, one at a time) after the second, nothing more after the third.
        await clock.SleepingAsync(watch);
        var afterFirstScan = new ExecutionStore(Home).List();
        clock.Advance(Interval);
        await clock.SleepingAsync(watch);
        var finished = new ExecutionStore(Home).List();
        clock.Advance(Interval);
        await clock.SleepingAsync(watch);
        await stop.CancelAsync();
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Empty(afterFirstScan);
        Assert.Equal(2, finished.Count);
        Assert.All(finished, e => Assert.Equal("SUCCEEDED", e.Status));
        Assert.Equal(generated.Batches.Select(b => b.Key).Order(StringComparer.Ordinal), finished.Select(KeyOf).Order(StringComparer.Ordinal));
        Assert.Equal(generated.ValidUnique, Lake.Count(Home, "clean_purchases"));
        Assert.Contains("watching " + Home.Raw, result.Output, StringComparison.Ordinal);
        var lines = result.Output.Split('\n').Where(l => l.Contains(" SUCCEEDED raw/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        // Each line says when its execution ended, as watch runs for hours: the second scan's time on the clock.
        Assert.All(lines, l => Assert.StartsWith("2026-11-25T12:00:07Z [", l, StringComparison.Ordinal));
        Assert.Equal(2, new ExecutionStore(Home).List().Count);
    }

    [Fact]
    public async Task Scan_ObjectRedroppedUnchangedThenOverwritten_StartsAnExecutionOnlyForTheNewEtag()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"), files: 2);
        var (first, second) = (generated.Batches[0], generated.Batches[1]);
        var host = new PipelineHost(Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null);
        Drop(SomeFiles.PathOf(temp.Combine("in"), first), first.Key);

        var initial = await ScanAndRunAsync(host);
        Drop(SomeFiles.PathOf(temp.Combine("in"), first), first.Key);
        var redropped = await ScanAndRunAsync(host);
        await File.WriteAllTextAsync(Home.PathOf(first.Key), await File.ReadAllTextAsync(SomeFiles.PathOf(temp.Combine("in"), second)));
        var overwritten = await ScanAndRunAsync(host);

        var run = Assert.Single(initial);
        Assert.True(run.Succeeded, run.Result.Cause);
        Assert.Equal(first.Key, run.Key);
        Assert.Empty(redropped);
        var rerun = Assert.Single(overwritten);
        Assert.True(rerun.Succeeded, rerun.Result.Cause);
        Assert.NotEqual(run.Record.Input, rerun.Record.Input);
        Assert.Equal(second.ValidUnique, rerun.Manifest!.RowsClean);
        Assert.Equal(2, new ExecutionStore(Home).List().Count);
    }

    [Fact]
    public async Task Scan_ObjectOutsideRaw_NeverStartsAnExecution()
    {
        var host = new PipelineHost(Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null);
        Directory.CreateDirectory(Path.GetDirectoryName(Home.PathOf("reference/users/users.csv"))!);
        await File.WriteAllTextAsync(Home.PathOf("reference/users/users.csv"), "user_id,segment\nUSI_1,new\n");

        var started = await ScanAndRunAsync(host);

        Assert.Empty(started);
        Assert.Empty(new ExecutionStore(Home).List());
        // Recorded as done, so later scans do not open the executions store for it again.
        Assert.Contains("reference/users/users.csv", await File.ReadAllTextAsync(Path.Combine(Home.Root, "trigger", "emitted.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_RestartedWatcher_DoesNotAnnounceObjectsAgain()
    {
        var generated = await SomeFiles.GenerateAsync(temp.Combine("in"));
        Drop(SomeFiles.PathOf(temp.Combine("in"), generated.Batches[0]), generated.Batches[0].Key);
        Assert.Single(await ScanAndRunAsync(new PipelineHost(Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null)));

        var restarted = await ScanAndRunAsync(new PipelineHost(Home, new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, show: null));

        Assert.Empty(restarted);
    }

    /// <summary>Copies a file to its key under landing/, as an upload would (File.Copy keeps the last-write time, hence the etag).</summary>
    private void Drop(string file, string key)
    {
        var target = Home.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }

    /// <summary>
    /// Three scans (an object is announced once two scans saw the same etag), running an execution for each
    /// event as `watch` does.
    /// </summary>
    private static async Task<List<ExecutionOutcome>> ScanAndRunAsync(PipelineHost host)
    {
        var outcomes = new List<ExecutionOutcome>();
        for (var scan = 0; scan < 3; scan++)
        {
            foreach (var created in host.Trigger.Scan())
            {
                outcomes.Add(await host.AnnounceAsync(created, CancellationToken.None));
            }
        }

        return outcomes;
    }

    private static string KeyOf(ExecutionRecord execution) =>
        (string)System.Text.Json.Nodes.JsonNode.Parse(execution.Input)!["detail"]!["object"]!["key"]!;

    /// <summary>
    /// The watcher's clock: moved only by the test, and it says when the watcher has gone to sleep after a scan (its
    /// Task.Delay of --interval asks for a timer of that due time; the executions' own timers are TimeoutSeconds
    /// deadlines of 120 s and more, and their Wait states are scaled to nothing).
    /// </summary>
    private sealed class ScanClock(DateTimeOffset start, TimeSpan interval) : FakeTimeProvider(start), IDisposable
    {
        private readonly SemaphoreSlim sleeps = new(0);

        public void Dispose() => sleeps.Dispose();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == interval)
            {
                sleeps.Release();
            }

            return timer;
        }

        /// <summary>Returns once the watcher sleeps until the next scan; fails if watch ended instead, or hangs.</summary>
        public async Task SleepingAsync(Task<CliResult> watch)
        {
            var slept = sleeps.WaitAsync(Patience);
            Assert.True(await Task.WhenAny(slept, watch) == slept, "watch ended: " + (watch.IsCompleted ? watch.Result.Output + watch.Result.Error : string.Empty));
            Assert.True(await slept, $"watch did not finish its scan within {Patience}");
        }
    }
}
