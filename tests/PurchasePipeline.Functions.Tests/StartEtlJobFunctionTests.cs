using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class StartEtlJobFunctionTests
{
    private readonly FakeEtlJobService jobs = new() { NextJobRunId = "jr_0001" };

    [Fact]
    public async Task HandleAsync_ObjectCreatedExecution_StartsARunWithoutResettingTheBookmark()
    {
        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartEtlJob");

        Assert.Equal(["StartJobRun purchase-pipeline-clean"], jobs.Calls);
        Assert.Equal("""{"jobRunId":"jr_0001","state":"STARTING","errorMessage":null,"poll":0,"manifest":null}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_RerunWithResetBookmark_ResetsTheBookmarkBeforeStarting()
    {
        await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartEtlJob.rerun-reset-bookmark");

        Assert.Equal(["ResetBookmark purchase-pipeline-clean", "StartJobRun purchase-pipeline-clean"], jobs.Calls);
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

    private StartEtlJobFunction CreateSut() => new(jobs);
}
