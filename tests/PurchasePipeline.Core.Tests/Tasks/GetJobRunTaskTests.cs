using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class GetJobRunTaskTests
{
    private readonly FakeEtlJobService jobs = new();
    private readonly FakeRunManifestStore manifests = new();

    [Fact]
    public async Task RunAsync_RunStillRunning_ReportsStateWithoutReadingTheManifest()
    {
        jobs.SetRun("jr_0001", "RUNNING");

        var result = await CreateSut().RunAsync(new GetJobRunRequest("clean_purchases", "jr_0001", 2), CancellationToken.None);

        Assert.Equal(new JobRunResult("jr_0001", "RUNNING", null, Poll: 2, Manifest: null), result);
        Assert.Empty(manifests.Reads);
    }

    [Fact]
    public async Task RunAsync_RunSucceeded_AttachesItsManifestsSummary()
    {
        var manifest = FakeRunManifestStore.SampleManifest("jr_0001");
        jobs.SetRun("jr_0001", "SUCCEEDED");
        manifests.Add(manifest);

        var result = await CreateSut().RunAsync(new GetJobRunRequest("clean_purchases", "jr_0001", 4), CancellationToken.None);

        Assert.Equal("SUCCEEDED", result.State);
        Assert.Equal(RunManifestSummary.Of(manifest), result.Manifest);
        Assert.Equal(4, result.Poll);
        Assert.Equal(["jr_0001"], manifests.Reads);
    }

    [Fact]
    public async Task RunAsync_RunSucceededWithoutManifest_ManifestIsNull()
    {
        jobs.SetRun("jr_0001", "SUCCEEDED");

        var result = await CreateSut().RunAsync(new GetJobRunRequest("clean_purchases", "jr_0001", 1), CancellationToken.None);

        Assert.Null(result.Manifest);
    }

    [Fact]
    public async Task RunAsync_RunFailed_ReportsItsErrorMessageAndNoManifest()
    {
        jobs.SetRun("jr_0001", "FAILED", "raw/x.csv: missing column purchase_id");
        manifests.Add(FakeRunManifestStore.SampleManifest("jr_0001"));

        var result = await CreateSut().RunAsync(new GetJobRunRequest("clean_purchases", "jr_0001", 1), CancellationToken.None);

        Assert.Equal(new JobRunResult("jr_0001", "FAILED", "raw/x.csv: missing column purchase_id", Poll: 1, Manifest: null), result);
        Assert.Empty(manifests.Reads);
    }

    [Theory]
    [InlineData("TIMEOUT")]
    [InlineData("STOPPED")]
    [InlineData("FAILED")]
    public async Task RunAsync_RunEndedWithoutMessage_SaysSoInsteadOfNull(string state)
    {
        jobs.SetRun("jr_0001", state);

        var result = await CreateSut().RunAsync(new GetJobRunRequest("clean_purchases", "jr_0001", 1), CancellationToken.None);

        Assert.Equal($"the ETL job gave no error message for this {state} outcome", result.ErrorMessage);
    }

    [Theory]
    [InlineData(null, "jr_0001", 1, "$.jobName")]
    [InlineData("clean_purchases", null, 1, "$.jobRunId")]
    [InlineData("clean_purchases", "jr_0001", null, "$.poll")]
    public async Task RunAsync_RequiredFieldMissing_ThrowsInvalidTaskInputNamingIt(string? jobName, string? jobRunId, int? poll, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new GetJobRunRequest(jobName, jobRunId, poll), CancellationToken.None));

        Assert.Equal(field, error.Field);
    }

    private GetJobRunTask CreateSut() => new(jobs, manifests);
}
