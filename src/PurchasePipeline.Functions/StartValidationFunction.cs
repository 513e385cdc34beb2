using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartValidation state's Lambda: starts one query per data-quality rule for the job run (<see cref="StartValidationTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartValidationFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class StartValidationFunction(TaskPorts ports) : TaskFunction<StartValidationRequest, ValidationResult>(new StartValidationTask(ports.Query, ports.ValidationRules))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public StartValidationFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
