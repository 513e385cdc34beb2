using System.Text;
using System.Text.Json;
using PurchasePipeline.Core.Runs;
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

        Assert.Equal($$"""{"jobRunId":"{{RunId}}","state":"RUNNING","errorMessage":null,"poll":2,"manifest":null,"round":1,"objectRead":null}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_RunSucceeded_AttachesTheManifestsSummary()
    {
        var manifest = FakeRunManifestStore.SampleManifest(RunId);
        jobs.SetRun(RunId, "SUCCEEDED");
        manifests.Add(manifest);

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetJobRun");

        var back = output.Deserialize(TaskJson.Default.JobRunResult)!.Manifest!;
        Assert.Equal("SUCCEEDED", (string?)output["state"]);
        Assert.Equal(RunManifestSummary.Of(manifest) with { RejectedByReason = back.RejectedByReason }, back);
        Assert.Equal(manifest.RejectedByReason, back.RejectedByReason);
        Assert.Equal(1, (int?)output["manifest"]!["file_count"]);
        Assert.Null(output["manifest"]!["files"]);
    }

    [Fact]
    public async Task HandleAsync_RunReadFiftyThousandObjects_ResultStaysSmallForTheStatePayload()
    {
        // A reset-bookmark rerun over a year of small hourly files: the result must not grow with the
        // object count, or the execution would fail with States.DataLimitExceeded (256 KiB).
        var files = Enumerable.Range(0, 50_000).Select(i => new ProcessedObject($"raw/2026/01/01/purchases-{i:00000}.csv", $"\"etag-{i}\"", 100)).ToList();
        jobs.SetRun(RunId, "SUCCEEDED");
        manifests.Add(FakeRunManifestStore.SampleManifest(RunId) with { Files = files });

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetJobRun");

        Assert.Equal(50_000, (int?)output["manifest"]!["file_count"]);
        Assert.True(Encoding.UTF8.GetByteCount(output.ToJsonString()) < 4096, output.ToJsonString());
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

    private GetJobRunFunction CreateSut() => new(new FunctionHarness { EtlJob = jobs, RunManifests = manifests }.Ports);
}
