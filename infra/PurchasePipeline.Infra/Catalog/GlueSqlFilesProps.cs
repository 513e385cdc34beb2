using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

public sealed class GlueSqlFilesProps
{
    public required LakeStorage Storage { get; init; }

    /// <summary>The SQL files (glue/sql/*.sql or glue/validation/*.sql), copied under their own names.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The lake bucket's prefix they are copied under (<see cref="Core.Lake.LakePrefixes.GlueSql"/>, ...).</summary>
    public required string Prefix { get; init; }
}
