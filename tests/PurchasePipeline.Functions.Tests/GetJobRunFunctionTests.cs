using System.Text.Json;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class GetJobRunFunctionTests
{
    private const string RunId = "jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e";

    private readonly FakeEtlJobService jobs = new();
    private readonly FakeRunManifestStore manifests = new();

    [Fact]
    public async Task HandleAsync_RunRunning_WritesStateWithNullErrorAndManifest()
    {
        jobs.SetRun(RunId, "RUNNING");

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetJobRun");

        Assert.Equal($$"""{"jobRunId":"{{RunId}}","state":"RUNNING","errorMessage":null,"poll":2,"manifest":null}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_RunSucceeded_AttachesTheManifestWhole()
    {
        var manifest = FakeRunManifestStore.SampleManifest(RunId);
        jobs.SetRun(RunId, "SUCCEEDED");
        manifests.Add(manifest);

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetJobRun");

        // The manifest's field names are RunManifest's own; what matters here is that all of it arrives.
        var back = output.Deserialize(TaskJson.Default.JobRunResult)!.Manifest!;
        Assert.Equal("SUCCEEDED", (string?)output["state"]);
        Assert.Equal(manifest with { Files = back.Files, Partitions = back.Partitions, RejectedByReason = back.RejectedByReason }, back);
        Assert.Equal(manifest.Files, back.Files);
        Assert.Equal(manifest.Partitions, back.Partitions);
        Assert.Equal(manifest.RejectedByReason, back.RejectedByReason);
    }

    [Fact]
    public async Task HandleAsync_RunFailed_WritesItsErrorMessageForTheAlert()
    {
        jobs.SetRun(RunId, "FAILED", "raw/2025/03/01/purchases-0001.csv: missing column purchase_id");

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetJobRun");

        Assert.Equal("FAILED", (string?)output["state"]);
        Assert.Equal("raw/2025/03/01/purchases-0001.csv: missing column purchase_id", (string?)output["errorMessage"]);
        Json.AssertNull(output, "manifest");
    }

    private GetJobRunFunction CreateSut() => new(jobs, manifests);
}
