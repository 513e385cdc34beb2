using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using Xunit;

namespace PurchasePipeline.TestUtils.Contracts;

/// <summary>
/// What every <see cref="IEtlJobService"/> must do, run against each plane's adapter (local: the DuckDB job;
/// AWS: Glue behind a fake endpoint). StartEtlJobTask and GetJobRunTask rely on all of it.
/// </summary>
public abstract class EtlJobServiceContract
{
    private static readonly string[] JobRunStates = ["STARTING", "RUNNING", "STOPPING", "STOPPED", "SUCCEEDED", "FAILED", "TIMEOUT", "ERROR", "WAITING"];

    /// <summary>Before any run of any plane under test started (the AWS fake's runs started on 2024-05-01).</summary>
    private static readonly DateTimeOffset LongAgo = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The job the adapter under test runs.</summary>
    protected abstract string JobName { get; }

    /// <summary>Whether a start at the concurrency limit queues the run (Glue with job run queuing) rather than refusing it.</summary>
    protected abstract bool QueuesRuns { get; }

    protected abstract IEtlJobService CreateSut();

    /// <summary>
    /// Puts the job at its concurrency limit (one run at a time) until the test ends: another run in
    /// progress, however the plane has one (a Glue run not yet finished; the local job's lock held).
    /// </summary>
    protected abstract Task HoldTheJobAsync(IEtlJobService sut);

    [Fact]
    public async Task StartJobRun_ThenGetJobRun_ReportsThatRunInAKnownState()
    {
        var sut = CreateSut();
        var runId = await sut.StartJobRunAsync(JobName, CancellationToken.None);

        var status = await sut.GetJobRunAsync(JobName, runId, CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(runId));
        Assert.Equal(runId, status.JobRunId);
        Assert.Contains(status.State, JobRunStates);
    }

    [Fact]
    public async Task GetJobRun_UnknownRunId_ThrowsEntityNotFound()
    {
        var sut = CreateSut();
        await Assert.ThrowsAsync<EntityNotFoundException>(() => sut.GetJobRunAsync(JobName, "jr_never_started", CancellationToken.None));
    }

    [Fact]
    public async Task ResetBookmark_ThenStartJobRun_StartsARun()
    {
        var sut = CreateSut();
        await sut.ResetBookmarkAsync(JobName, CancellationToken.None);

        var runId = await sut.StartJobRunAsync(JobName, CancellationToken.None);

        Assert.Contains((await sut.GetJobRunAsync(JobName, runId, CancellationToken.None)).State, JobRunStates);
    }

    [Fact]
    public async Task StartJobRun_WhileAnotherRunHoldsTheJob_QueuesTheRunOrThrowsConcurrentRunsExceeded()
    {
        var sut = CreateSut();
        await HoldTheJobAsync(sut);

        if (QueuesRuns)
        {
            var runId = await sut.StartJobRunAsync(JobName, CancellationToken.None);
            Assert.Equal("WAITING", (await sut.GetJobRunAsync(JobName, runId, CancellationToken.None)).State);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => sut.StartJobRunAsync(JobName, CancellationToken.None));
            Assert.Equal(JobName, error.JobName);
        }
    }

    /// <summary>StartEtlJob joins another execution's run by what GetJobRuns says: its state and when it started.</summary>
    [Fact]
    public async Task GetJobRuns_AfterStartJobRun_ListsThatRunWithWhenItStarted()
    {
        var sut = CreateSut();
        var runId = await sut.StartJobRunAsync(JobName, CancellationToken.None);

        var runs = await sut.GetJobRunsAsync(JobName, LongAgo, CancellationToken.None);

        var run = Assert.Single(runs, run => run.JobRunId == runId);
        Assert.Contains(run.State, JobRunStates);
        Assert.NotNull(run.StartedOn);
        Assert.Equal(run.StartedOn, (await sut.GetJobRunAsync(JobName, runId, CancellationToken.None)).StartedOn);
    }

    [Fact]
    public async Task GetJobRuns_NoRunYet_ListsNone()
    {
        var runs = await CreateSut().GetJobRunsAsync(JobName, LongAgo, CancellationToken.None);

        Assert.Empty(runs);
    }
}
