using PurchasePipeline.Functions;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Adapters;

/// <summary>
/// The local plane's runs outlive the process that ran them: `watch` and `run` are separate processes, and an
/// execution of one must find (StartEtlJob) and read (GetJobRun) the run of the other that read its object.
/// </summary>
public sealed class LocalEtlJobServiceTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task GetJobRuns_ARunCommittedByAnotherProcess_IsListedAndKnownAsSucceeded()
    {
        var home = new LocalHome(temp.Path);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var other = new LocalEtlJobService(home, TimeProvider.System, new ValidationRuleFiles());
        var before = TimeProvider.System.GetUtcNow();
        var runId = await other.StartJobRunAsync(LocalEtlJob.JobName, CancellationToken.None);
        var sut = new LocalEtlJobService(home, TimeProvider.System, new ValidationRuleFiles());

        var listed = Assert.Single(await sut.GetJobRunsAsync(LocalEtlJob.JobName, before, CancellationToken.None));
        var status = await sut.GetJobRunAsync(LocalEtlJob.JobName, runId, CancellationToken.None);

        Assert.Equal((runId, "SUCCEEDED"), (listed.JobRunId, listed.State));
        Assert.Equal(listed, status);
        Assert.NotNull(status.StartedOn);
        Assert.NotNull(status.CompletedOn);
    }

    [Fact]
    public async Task GetJobRuns_RunsCompletedBeforeSince_LeftOutWithoutOpeningTheirManifests()
    {
        var home = new LocalHome(temp.Path);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var other = new LocalEtlJobService(home, TimeProvider.System, new ValidationRuleFiles());
        var old = await other.StartJobRunAsync(LocalEtlJob.JobName, CancellationToken.None);
        var oldManifest = Path.Combine(home.Manifests, old + ".json");
        File.WriteAllText(oldManifest, "not json: opening it fails the listing");
        File.SetLastWriteTimeUtc(oldManifest, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));
        var since = TimeProvider.System.GetUtcNow();
        Some.Land(home, "raw/2024/05/02/b.csv", Some.Csv([Some.Row(2, "2024-05-02")]));
        var recent = await other.StartJobRunAsync(LocalEtlJob.JobName, CancellationToken.None);
        var sut = new LocalEtlJobService(home, TimeProvider.System, new ValidationRuleFiles());

        var listed = await sut.GetJobRunsAsync(LocalEtlJob.JobName, since, CancellationToken.None);

        Assert.Equal([recent], listed.Select(run => run.JobRunId));
    }

    [Fact]
    public async Task StartJobRun_WhileAnotherProcesssRunHoldsTheJob_WaitsForItAndRuns()
    {
        // Regression: the run was refused at once and the local Retry, scaled to no delay, spent its 6 attempts in
        // a fraction of a second, failing the execution (issue 9, finding 6). Glue queues it; here it waits its turn.
        var home = new LocalHome(temp.Path);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var sut = new LocalEtlJobService(home, TimeProvider.System, new ValidationRuleFiles());
        var held = JobLock.Acquire(home.Lake, LocalEtlJob.JobName);
        var otherRunEnds = OtherProcess.ReleaseLaterAsync(held);

        // On this thread while the lock is certainly held (started on another, it could start after the release and
        // pass without waiting).
        var runId = await sut.StartJobRunAsync(LocalEtlJob.JobName, CancellationToken.None);
        await otherRunEnds;
        var status = await sut.GetJobRunAsync(LocalEtlJob.JobName, runId, CancellationToken.None);

        Assert.Equal("SUCCEEDED", status.State);
    }
}
