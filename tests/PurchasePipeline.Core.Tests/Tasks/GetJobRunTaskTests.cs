using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class GetJobRunTaskTests
{
    private const string Key = "raw/2025/03/01/purchases-0002.csv";

    private static readonly DateTimeOffset LandedAt = new(2025, 3, 1, 12, 0, 7, TimeSpan.Zero);

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

    [Theory]
    [InlineData("b1946ac92492d2347c6235b4d2611184", -30, true)]
    [InlineData("\"b1946ac92492d2347c6235b4d2611184\"", -30, true)]
    [InlineData("an-older-etag", -30, false)]
    [InlineData("a-newer-etag", 2, true)]
    public async Task RunAsync_RunSucceeded_SaysWhetherItsManifestListsTheExecutionsObject(string readETag, int startedSecondsAfterLanding, bool read)
    {
        // A newer etag read by a run that started after the object landed: the object was overwritten since, and that run read its successor.
        jobs.SetRun("jr_0001", "SUCCEEDED", startedOn: LandedAt.AddSeconds(startedSecondsAfterLanding));
        manifests.Add(FakeRunManifestStore.SampleManifest("jr_0001") with { Files = [new ProcessedObject(Key, readETag, 10)] });

        var result = await CreateSut().RunAsync(Request(round: 2), CancellationToken.None);

        Assert.Equal(read, result.ObjectRead);
        Assert.Equal(2, result.Round);
    }

    /// <summary>The run succeeded for its other objects and quarantined this one: this execution alone fails, naming the object, the run and why.</summary>
    [Fact]
    public async Task RunAsync_RunQuarantinedTheObject_ThrowsRawObjectQuarantinedNamingKeyRunAndReason()
    {
        jobs.SetRun("jr_0001", "SUCCEEDED", startedOn: LandedAt.AddSeconds(5));
        manifests.Add(FakeRunManifestStore.SampleManifest("jr_0001") with
        {
            Quarantined = [new QuarantinedObject(Key, "b1946ac92492d2347c6235b4d2611184", "CSV Error on Line: 3; Maximum line size of 2000000 bytes exceeded")],
        });

        var error = await Assert.ThrowsAsync<RawObjectQuarantinedException>(() => CreateSut().RunAsync(Request(round: 1), CancellationToken.None));

        Assert.Equal("RawObjectQuarantinedException", error.ErrorName);
        Assert.Equal(Key, error.Key);
        Assert.Equal(
            $"{Key}: quarantined by job run jr_0001, not read: CSV Error on Line: 3; Maximum line size of 2000000 bytes exceeded; fix the file and upload it again under the same key",
            error.Message);
    }

    [Fact]
    public async Task RunAsync_RunQuarantinedAnotherObject_ReportsThisOneRead()
    {
        jobs.SetRun("jr_0001", "SUCCEEDED", startedOn: LandedAt.AddSeconds(5));
        manifests.Add(FakeRunManifestStore.SampleManifest("jr_0001") with
        {
            Files = [new ProcessedObject(Key, "b1946ac92492d2347c6235b4d2611184", 10)],
            Quarantined = [new QuarantinedObject("raw/2025/03/01/poison.csv", "e1", "file is empty")],
        });

        var result = await CreateSut().RunAsync(Request(round: 1), CancellationToken.None);

        Assert.True(result.ObjectRead);
    }

    [Fact]
    public async Task RunAsync_RunSucceededWithoutTheObject_SaysItWasNotRead()
    {
        jobs.SetRun("jr_0001", "SUCCEEDED", startedOn: LandedAt.AddSeconds(-30));
        manifests.Add(FakeRunManifestStore.SampleManifest("jr_0001"));

        var result = await CreateSut().RunAsync(Request(round: 1), CancellationToken.None);

        Assert.False(result.ObjectRead);
    }

    [Fact]
    public async Task RunAsync_RunStillRunning_ObjectReadIsUnknown()
    {
        jobs.SetRun("jr_0001", "RUNNING", startedOn: LandedAt.AddSeconds(5));

        var result = await CreateSut().RunAsync(Request(round: 1), CancellationToken.None);

        Assert.Null(result.ObjectRead);
    }

    private static GetJobRunRequest Request(int round) =>
        new("clean_purchases", "jr_0001", 1, new ObjectRef("purchases-raw", Key), new ExecutionInput(null, LandedAt, new EventDetail(new EventObject(Key, "b1946ac92492d2347c6235b4d2611184"))), round);

    private GetJobRunTask CreateSut() => new(jobs, manifests);
}
