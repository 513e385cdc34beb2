using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartEtlJob state's Lambda: joins the job run that reads the execution's object, or starts one, resetting the bookmark when the re-run asks (<see cref="StartEtlJobTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartEtlJobFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class StartEtlJobFunction(IEtlJobService jobs, IRunManifestStore manifests) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public StartEtlJobFunction()
        : this(AwsTaskPorts.Shared.EtlJob, AwsTaskPorts.Shared.RunManifests)
    {
    }

    private readonly StartEtlJobTask task = new(jobs, manifests);

    /// <summary>The Lambda entry point: <see cref="StartEtlJobRequest"/> JSON in, <see cref="JobRunResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.StartEtlJobRequest, TaskJson.Default.JobRunResult, task.RunAsync, cancellationToken);
}
