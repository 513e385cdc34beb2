using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class StartEtlJobTaskTests
{
    private static readonly ObjectRef Landed = new("purchases-raw", "raw/2025/03/01/purchases-0001.csv");

    /// <summary>When the Object Created event says S3 created <see cref="Landed"/> (whole seconds, as EventBridge writes it).</summary>
    private static readonly DateTimeOffset LandedAt = new(2025, 3, 1, 12, 0, 7, TimeSpan.Zero);

    private readonly FakeEtlJobService jobs = new() { NextJobRunId = "jr_0001" };
    private readonly FakeRunManifestStore manifests = new();

    [Fact]
    public async Task RunAsync_NoRerun_StartsARunWithoutResettingTheBookmark()
    {
        var result = await CreateSut().RunAsync(Request(executionInput: new ExecutionInput(Rerun: null)), CancellationToken.None);

        Assert.Equal(["StartJobRun clean_purchases"], jobs.Calls);
        Assert.Equal(new JobRunResult("jr_0001", "STARTING", null, Poll: 0, Manifest: null, Round: 1), result);
    }

    [Fact]
    public async Task RunAsync_AnotherRunAlreadyReadTheObject_JoinsThatRunWithoutStartingOne()
    {
        jobs.SetRun("jr_other", "SUCCEEDED", startedOn: LandedAt.AddSeconds(-30), completedOn: LandedAt.AddSeconds(60));
        manifests.Add(ManifestOf("jr_other", Landed.Key!, "b1946ac92492d2347c6235b4d2611184"));

        var result = await CreateSut().RunAsync(EventRequest(), CancellationToken.None);

        Assert.Equal(new JobRunResult("jr_other", "SUCCEEDED", null, Poll: 0, Manifest: null, Round: 1), result);
        Assert.Equal(["GetJobRuns clean_purchases"], jobs.Calls);
    }

    /// <summary>A later execution for an object a run quarantined joins that run, so GetJobRun fails it for the quarantine (not three rounds of runs that skip the bookmarked object).</summary>
    [Fact]
    public async Task RunAsync_ARunQuarantinedTheObject_JoinsThatRun()
    {
        jobs.SetRun("jr_other", "SUCCEEDED", startedOn: LandedAt.AddSeconds(-30), completedOn: LandedAt.AddSeconds(60));
        manifests.Add(QuarantinedIn("jr_other", "b1946ac92492d2347c6235b4d2611184"));

        var result = await CreateSut().RunAsync(EventRequest(), CancellationToken.None);

        Assert.Equal("jr_other", result.JobRunId);
        Assert.Equal(["GetJobRuns clean_purchases"], jobs.Calls);
    }

    /// <summary>The object was uploaded again, fixed, and a later run read it: a rerun of the failed execution joins that reader.</summary>
    [Fact]
    public async Task RunAsync_QuarantinedThenReadAfterItWasUploadedAgain_JoinsTheRunThatReadIt()
    {
        jobs.SetRun("jr_quarantined", "SUCCEEDED", startedOn: LandedAt.AddSeconds(5), completedOn: LandedAt.AddSeconds(60));
        manifests.Add(QuarantinedIn("jr_quarantined", "b1946ac92492d2347c6235b4d2611184"));
        jobs.SetRun("jr_fixed", "SUCCEEDED", startedOn: LandedAt.AddMinutes(10), completedOn: LandedAt.AddMinutes(11));
        manifests.Add(ManifestOf("jr_fixed", Landed.Key!, "the-fixed-etag"));

        var result = await CreateSut().RunAsync(EventRequest(), CancellationToken.None);

        Assert.Equal("jr_fixed", result.JobRunId);
    }

    [Fact]
    public async Task RunAsync_ASucceededRunReadAnOlderVersionOfTheKey_DoesNotJoinIt()
    {
        // Started before the object landed and listed the key at another etag: it read the version this one overwrote.
        jobs.SetRun("jr_old", "SUCCEEDED", startedOn: LandedAt.AddSeconds(-30), completedOn: LandedAt.AddSeconds(60));
        manifests.Add(ManifestOf("jr_old", Landed.Key!, "an-older-etag"));

        var result = await CreateSut().RunAsync(EventRequest(), CancellationToken.None);

        Assert.Equal("jr_0001", result.JobRunId);
        Assert.Equal(["GetJobRuns clean_purchases", "StartJobRun clean_purchases"], jobs.Calls);
    }

    [Theory]
    [InlineData("WAITING", -60)]
    [InlineData("STARTING", -60)]
    [InlineData("RUNNING", 1)]
    public async Task RunAsync_ARunThatHasNotBegunReadingOrStartedAfterTheObjectLanded_JoinsIt(string state, int startedSecondsAfterLanding)
    {
        jobs.SetRun("jr_next", state, startedOn: LandedAt.AddSeconds(startedSecondsAfterLanding));

        var result = await CreateSut().RunAsync(EventRequest(round: 1), CancellationToken.None);

        Assert.Equal(new JobRunResult("jr_next", state, null, Poll: 0, Manifest: null, Round: 2), result);
        Assert.DoesNotContain("StartJobRun clean_purchases", jobs.Calls);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    public async Task RunAsync_OnlyARunThatMayHaveListedRawBeforeTheObjectLanded_StartsANewRun(int startedSecondsAfterLanding)
    {
        // The event's time has whole seconds: a run started in the same second may have listed raw/ before the object was there.
        jobs.SetRun("jr_running", "RUNNING", startedOn: LandedAt.AddSeconds(startedSecondsAfterLanding));

        var result = await CreateSut().RunAsync(EventRequest(), CancellationToken.None);

        Assert.Equal(new JobRunResult("jr_0001", "STARTING", null, Poll: 0, Manifest: null, Round: 1), result);
    }

    [Fact]
    public async Task RunAsync_ResetBookmarkRerun_StartsItsOwnRunEvenWithOneToJoin()
    {
        jobs.SetRun("jr_other", "SUCCEEDED", startedOn: LandedAt.AddSeconds(5), completedOn: LandedAt.AddSeconds(95));
        manifests.Add(ManifestOf("jr_other", Landed.Key!, "b1946ac92492d2347c6235b4d2611184"));

        var result = await CreateSut().RunAsync(EventRequest(rerun: new RerunOptions(true)), CancellationToken.None);

        Assert.Equal("jr_0001", result.JobRunId);
        Assert.Equal(["GetJobRuns clean_purchases", "ResetBookmark clean_purchases", "StartJobRun clean_purchases"], jobs.Calls);
    }

    [Fact]
    public async Task RunAsync_NoExecutionInput_TreatsResetBookmarkAsFalse()
    {
        await CreateSut().RunAsync(Request(executionInput: null), CancellationToken.None);

        Assert.Equal(["StartJobRun clean_purchases"], jobs.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task RunAsync_ResetBookmarkNotTrue_DoesNotReset(bool? resetBookmark)
    {
        await CreateSut().RunAsync(Request(new ExecutionInput(new RerunOptions(resetBookmark))), CancellationToken.None);

        Assert.Equal(["StartJobRun clean_purchases"], jobs.Calls);
    }

    [Fact]
    public async Task RunAsync_ResetBookmarkTrue_ResetsBeforeStarting()
    {
        await CreateSut().RunAsync(Request(new ExecutionInput(new RerunOptions(true))), CancellationToken.None);

        Assert.Equal(["GetJobRuns clean_purchases", "ResetBookmark clean_purchases", "StartJobRun clean_purchases"], jobs.Calls);
    }

    [Theory]
    [InlineData("WAITING")]
    [InlineData("RUNNING")]
    public async Task RunAsync_ResetBookmarkWhileARunIsUnfinished_RefusesLikeABusyJobWithoutResetting(string state)
    {
        // The unfinished run would commit its bookmark over the reset; the state's Retry calls again later.
        jobs.SetRun("jr_busy", state, startedOn: LandedAt);

        var error = await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => CreateSut().RunAsync(Request(new ExecutionInput(new RerunOptions(true))), CancellationToken.None));

        Assert.Contains("jr_busy", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GetJobRuns clean_purchases"], jobs.Calls);
    }

    [Fact]
    public async Task RunAsync_AnotherRunInProgress_PropagatesConcurrentRunsExceededForTheStatesRetry()
    {
        jobs.FailStartsWith(new ConcurrentRunsExceededException("clean_purchases"));

        var error = await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => CreateSut().RunAsync(Request(null), CancellationToken.None));

        Assert.Equal("ConcurrentRunsExceededException", error.ErrorName);
    }

    [Fact]
    public async Task RunAsync_RetriedAfterConcurrentRunsWithReset_ResetsAgainRightBeforeTheStartThatSucceeds()
    {
        jobs.FailStartsWith(new ConcurrentRunsExceededException("clean_purchases"));
        var sut = CreateSut();
        var request = Request(new ExecutionInput(new RerunOptions(true)));

        await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => sut.RunAsync(request, CancellationToken.None));
        var result = await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(
            ["GetJobRuns clean_purchases", "ResetBookmark clean_purchases", "StartJobRun clean_purchases", "GetJobRuns clean_purchases", "ResetBookmark clean_purchases", "StartJobRun clean_purchases"],
            jobs.Calls);
        Assert.Equal("jr_0001", result.JobRunId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task RunAsync_NoJobName_ThrowsInvalidTaskInputNamingTheField(string? jobName)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new StartEtlJobRequest(jobName, Landed, null), CancellationToken.None));

        Assert.Equal("$.jobName", error.Field);
        Assert.Empty(jobs.Calls);
    }

    private static StartEtlJobRequest Request(ExecutionInput? executionInput) => new("clean_purchases", Landed, executionInput);

    /// <summary>What the definition sends for an Object Created event of <see cref="Landed"/>.</summary>
    private static StartEtlJobRequest EventRequest(int round = 0, RerunOptions? rerun = null) =>
        new("clean_purchases", Landed, new ExecutionInput(rerun, LandedAt, new EventDetail(new EventObject(Landed.Key, "b1946ac92492d2347c6235b4d2611184"))), round);

    private static RunManifest ManifestOf(string runId, string key, string etag) =>
        FakeRunManifestStore.SampleManifest(runId) with { Files = [new ProcessedObject(key, etag, 10)] };

    private static RunManifest QuarantinedIn(string runId, string etag) =>
        FakeRunManifestStore.SampleManifest(runId) with { Files = [], Quarantined = [new QuarantinedObject(Landed.Key!, etag, "header lacks column user_id")] };

    private StartEtlJobTask CreateSut() => new(jobs, manifests);
}
