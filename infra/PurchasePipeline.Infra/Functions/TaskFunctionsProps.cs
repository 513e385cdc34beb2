using PurchasePipeline.Infra.Catalog;
using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Functions;

public sealed class TaskFunctionsProps
{
    public required LakeStorage Storage { get; init; }

    public required LakeCatalog Catalog { get; init; }

    public required EtlJob EtlJob { get; init; }

    /// <summary>Empty: the refresh is skipped and the refresh functions get no QuickSight permission.</summary>
    public required string QuickSightDatasetId { get; init; }

    public required FunctionCode Code { get; init; }
}
