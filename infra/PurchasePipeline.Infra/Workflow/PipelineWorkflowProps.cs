using PurchasePipeline.Infra.Alerting;
using PurchasePipeline.Infra.Catalog;
using PurchasePipeline.Infra.Functions;
using PurchasePipeline.Infra.Settings;

namespace PurchasePipeline.Infra.Workflow;

public sealed class PipelineWorkflowProps
{
    public required RepositoryFiles Files { get; init; }

    public required TaskFunctions Functions { get; init; }

    public required AlertTopic Alerts { get; init; }

    public required LakeCatalog Catalog { get; init; }

    public required EtlJob EtlJob { get; init; }

    public required PipelineSettings Settings { get; init; }
}
