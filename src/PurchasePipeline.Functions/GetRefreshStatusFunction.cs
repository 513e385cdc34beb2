using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetRefreshStatus state's Lambda: reads the ingestion's status (<see cref="GetRefreshStatusTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetRefreshStatusFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class GetRefreshStatusFunction(TaskPorts ports) : TaskFunction<GetRefreshStatusRequest, RefreshResult>(new GetRefreshStatusTask(ports.Dataset))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetRefreshStatusFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
