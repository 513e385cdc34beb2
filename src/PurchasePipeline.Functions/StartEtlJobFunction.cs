using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartEtlJob state's Lambda: joins the job run that reads the execution's object, or starts one, resetting the bookmark when the re-run asks (<see cref="StartEtlJobTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartEtlJobFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class StartEtlJobFunction(TaskPorts ports) : TaskFunction<StartEtlJobRequest, JobRunResult>(new StartEtlJobTask(ports.EtlJob, ports.RunManifests))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public StartEtlJobFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
