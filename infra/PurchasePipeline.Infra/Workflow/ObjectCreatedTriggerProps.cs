using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.StepFunctions;
using PurchasePipeline.Infra.Settings;

namespace PurchasePipeline.Infra.Workflow;

public sealed class ObjectCreatedTriggerProps
{
    public required RepositoryFiles Files { get; init; }

    public required IBucket Bucket { get; init; }

    public required IStateMachine StateMachine { get; init; }
}
