using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The RefreshDataset state's Lambda: starts the dataset's ingestion for the job run, once (<see cref="RefreshDatasetTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.RefreshDatasetFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class RefreshDatasetFunction(TaskPorts ports) : TaskFunction<RefreshDatasetRequest, RefreshResult>(new RefreshDatasetTask(ports.Dataset))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public RefreshDatasetFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
