using PurchasePipeline.Infra.Settings;
using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

public sealed class EtlJobProps
{
    public required LakeStorage Storage { get; init; }

    public required RepositoryFiles Files { get; init; }

    /// <summary>The security configuration the job runs with.</summary>
    public required GlueEncryption Encryption { get; init; }

    /// <summary>G.1X, G.2X, G.4X or G.8X.</summary>
    public required string WorkerType { get; init; }

    public required int Workers { get; init; }

    public required int TimeoutMinutes { get; init; }
}
