using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

public sealed class GlueSqlFilesProps
{
    public required LakeStorage Storage { get; init; }

    /// <summary>The glue/sql/*.sql files, copied under their own names.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}
