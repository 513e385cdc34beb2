using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class StartEtlJobFunctionTests
{
    private readonly FakeEtlJobService jobs = new() { NextJobRunId = "jr_0001" };
    private readonly FakeRunManifestStore manifests = new();

    [Fact]
    public async Task HandleAsync_ObjectCreatedExecution_StartsARunWithoutResettingTheBookmark()
    {
        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartEtlJob");

        Assert.Equal(["GetJobRuns purchase-pipeline-clean", "StartJobRun purchase-pipeline-clean"], jobs.Calls);
        Assert.Equal("""{"jobRunId":"jr_0001","state":"STARTING","errorMessage":null,"poll":0,"manifest":null,"round":1,"objectRead":null}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_ARunAlreadyReadTheEventsObject_JoinsIt()
    {
        // The event's object (key and etag) as the Glue job's manifest lists it.
        jobs.SetRun("jr_other", "SUCCEEDED", startedOn: new DateTimeOffset(2025, 3, 1, 12, 0, 30, TimeSpan.Zero), completedOn: new DateTimeOffset(2025, 3, 1, 12, 2, 0, TimeSpan.Zero));
        manifests.Add(FakeRunManifestStore.SampleManifest("jr_other") with { Files = [new ProcessedObject("raw/2025/03/01/purchases-0001.csv", "b1946ac92492d2347c6235b4d2611184", 10)] });

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartEtlJob");

        Assert.Equal(["GetJobRuns purchase-pipeline-clean"], jobs.Calls);
        Assert.Equal("jr_other", (string?)output["jobRunId"]);
    }

    [Fact]
    public async Task HandleAsync_RerunWithResetBookmark_ResetsTheBookmarkBeforeStarting()
    {
        await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartEtlJob.rerun-reset-bookmark");

        Assert.Equal(["GetJobRuns purchase-pipeline-clean", "ResetBookmark purchase-pipeline-clean", "StartJobRun purchase-pipeline-clean"], jobs.Calls);
    }

    [Fact]
    public async Task HandleAsync_AnotherRunInProgress_PropagatesTheErrorTheStatesRetryMatches()
    {
        jobs.FailStartsWith(new ConcurrentRunsExceededException("purchase-pipeline-clean"));
        await using var input = Events.Open("StartEtlJob");

        var error = await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => CreateSut().HandleAsync(input));

        // Lambda reports the exception's type name as the error; StartEtlJob's Retry must match it.
        var retried = Asl.States["StartEtlJob"]!["Retry"]!.AsArray().SelectMany(r => r!["ErrorEquals"]!.AsArray()).Select(e => (string?)e);
        Assert.Contains(error.GetType().Name, retried);
        Assert.Equal(error.GetType().Name, error.ErrorName);
    }

    [Fact]
    public async Task HandleAsync_ResetBookmarkNotABoolean_ThrowsInvalidTaskInputAtItsPath()
    {
        await using var input = Events.Open("Invalid/StartEtlJob.reset-bookmark-not-a-boolean");

        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(() => CreateSut().HandleAsync(input));

        Assert.Equal("$.executionInput.rerun.resetBookmark", error.Field);
        Assert.Empty(jobs.Calls);
    }

    private StartEtlJobFunction CreateSut() => new(new FunctionHarness { EtlJob = jobs, RunManifests = manifests }.Ports);
}
