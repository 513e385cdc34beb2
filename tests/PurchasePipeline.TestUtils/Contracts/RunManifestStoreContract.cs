using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.TestUtils.Fakes;
using Xunit;

namespace PurchasePipeline.TestUtils.Contracts;

/// <summary>
/// What every <see cref="IRunManifestStore"/> must do, run against each plane's adapter (local: lake/manifests;
/// AWS: S3 behind a fake endpoint). GetJobRunTask reads a succeeded run's manifest through it.
/// </summary>
public abstract class RunManifestStoreContract
{
    protected abstract IRunManifestStore CreateSut();

    /// <summary>Stores a manifest's text where its job commits it (lake/manifests/RUN.json; s3://lake/manifests/RUN.json).</summary>
    protected abstract Task CommitAsync(string runId, string text);

    [Fact]
    public async Task Get_DamagedManifest_ThrowsInvalidDataNamingItOnOneLine()
    {
        await CommitAsync("jr_damaged", "{\"run_id\": \"jr_damaged\", \"rows_in\": ");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CreateSut().GetAsync("jr_damaged", CancellationToken.None));

        Assert.Contains("manifests", error.Message, StringComparison.Ordinal);
        Assert.Contains("jr_damaged.json: not a run manifest: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Get_CommittedManifest_ReadsItBackEqual()
    {
        var manifest = FakeRunManifestStore.SampleManifest("jr_20240501T100000_0a1b2c3d");
        await CommitAsync(manifest.RunId, RunManifestJson.Serialize(manifest));

        var read = await CreateSut().GetAsync(manifest.RunId, CancellationToken.None);

        Assert.NotNull(read);
        // The record holds lists, which records compare by reference; the JSON is the manifest's value.
        Assert.Equal(RunManifestJson.Serialize(manifest), RunManifestJson.Serialize(read));
    }

    [Fact]
    public async Task Get_TwoCommittedManifests_ReadsEachByItsRunId()
    {
        await CommitAsync("jr_1", RunManifestJson.Serialize(FakeRunManifestStore.SampleManifest("jr_1")));
        await CommitAsync("jr_2", RunManifestJson.Serialize(FakeRunManifestStore.SampleManifest("jr_2") with { RowsIn = 7, RowsClean = 7 }));

        var sut = CreateSut();

        Assert.Equal(10, (await sut.GetAsync("jr_1", CancellationToken.None))?.RowsIn);
        Assert.Equal(7, (await sut.GetAsync("jr_2", CancellationToken.None))?.RowsIn);
    }

    [Fact]
    public async Task Get_UnknownRunId_ReturnsNull()
    {
        await CommitAsync("jr_1", RunManifestJson.Serialize(FakeRunManifestStore.SampleManifest("jr_1")));

        Assert.Null(await CreateSut().GetAsync("jr_never_committed", CancellationToken.None));
    }
}
