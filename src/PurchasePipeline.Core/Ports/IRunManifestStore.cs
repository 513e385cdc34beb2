using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Ports;

/// <summary>Reads the manifest a job run committed (AWS: S3 manifests/RUN.json; local: lake/manifests).</summary>
public interface IRunManifestStore
{
    /// <summary>The manifest, or null when the run wrote none.</summary>
    Task<RunManifest?> GetAsync(string jobRunId, CancellationToken cancellationToken);
}
