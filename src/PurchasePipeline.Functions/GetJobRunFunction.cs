using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetJobRun state's Lambda: reads the job run's state and, once it succeeded, its manifest's summary (<see cref="GetJobRunTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetJobRunFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class GetJobRunFunction(IEtlJobService jobs, IRunManifestStore manifests) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetJobRunFunction()
        : this(AwsTaskPorts.Shared.EtlJob, AwsTaskPorts.Shared.RunManifests)
    {
    }

    private readonly GetJobRunTask task = new(jobs, manifests);

    /// <summary>The Lambda entry point: <see cref="GetJobRunRequest"/> JSON in, <see cref="JobRunResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.GetJobRunRequest, TaskJson.Default.JobRunResult, task.RunAsync, cancellationToken);
}
