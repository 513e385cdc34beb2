using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Local.Tests.Contracts;

/// <summary>The manifest contract on the local plane (lake/manifests/RUN.json, as the job commits it).</summary>
public sealed class LocalRunManifestStoreContractTests : RunManifestStoreContract, IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public LocalRunManifestStoreContractTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    protected override IRunManifestStore CreateSut() => new LocalRunManifestStore(home);

    protected override async Task CommitAsync(string runId, string text)
    {
        Directory.CreateDirectory(home.Manifests);
        await File.WriteAllTextAsync(Path.Combine(home.Manifests, runId + ".json"), text);
    }
}
