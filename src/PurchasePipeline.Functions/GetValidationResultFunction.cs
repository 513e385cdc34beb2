using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetValidationResult state's Lambda: reads the rules' results: state, whether all passed, the broken rules (<see cref="GetValidationResultTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetValidationResultFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class GetValidationResultFunction(TaskPorts ports) : TaskFunction<GetValidationResultRequest, ValidationResult>(new GetValidationResultTask(ports.Query))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetValidationResultFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
