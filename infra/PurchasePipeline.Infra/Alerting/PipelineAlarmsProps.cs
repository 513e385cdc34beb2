using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;

namespace PurchasePipeline.Infra.Alerting;

public sealed class PipelineAlarmsProps
{
    public required StateMachine StateMachine { get; init; }

    /// <summary>Where EventBridge puts the events it could not deliver to the state machine.</summary>
    public required Queue DeadLetterQueue { get; init; }

    public required ITopic Topic { get; init; }
}
