using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class StartEtlJobTaskTests
{
    private static readonly ObjectRef Landed = new("purchases-raw", "raw/2025/03/01/purchases-0001.csv");

    private readonly FakeEtlJobService jobs = new() { NextJobRunId = "jr_0001" };

    [Fact]
    public async Task RunAsync_NoRerun_StartsARunWithoutResettingTheBookmark()
    {
        var result = await CreateSut().RunAsync(Request(executionInput: new ExecutionInput(Rerun: null)), CancellationToken.None);

        Assert.Equal(["StartJobRun clean_purchases"], jobs.Calls);
        Assert.Equal(new JobRunResult("jr_0001", "STARTING", null, Poll: 0, Manifest: null), result);
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

        Assert.Equal(["ResetBookmark clean_purchases", "StartJobRun clean_purchases"], jobs.Calls);
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
            ["ResetBookmark clean_purchases", "StartJobRun clean_purchases", "ResetBookmark clean_purchases", "StartJobRun clean_purchases"],
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

    private StartEtlJobTask CreateSut() => new(jobs);
}
