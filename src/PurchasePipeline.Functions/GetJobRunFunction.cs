using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetJobRun state's Lambda: reads the job run's state and, once it succeeded, its manifest's summary (<see cref="GetJobRunTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetJobRunFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class GetJobRunFunction(TaskPorts ports) : TaskFunction<GetJobRunRequest, JobRunResult>(new GetJobRunTask(ports.EtlJob, ports.RunManifests))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetJobRunFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
