using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>Reads committed run manifests from lake/manifests.</summary>
public sealed class LocalRunManifestStore(LocalHome home) : IRunManifestStore
{
    public async Task<RunManifest?> GetAsync(string jobRunId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(home.Manifests, jobRunId + ".json");
        return File.Exists(path) ? RunManifestJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path) : null;
    }
}
