using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

public sealed class LakeCatalogProps
{
    public required LakeStorage Storage { get; init; }

    public required string DatabaseName { get; init; }

    /// <summary>The security configuration the crawler runs with.</summary>
    public required GlueEncryption Encryption { get; init; }
}
