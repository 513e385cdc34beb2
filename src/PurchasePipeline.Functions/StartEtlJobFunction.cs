using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartEtlJob state's Lambda: starts the bookmarked ETL job, resetting the bookmark when the re-run asks (<see cref="StartEtlJobTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartEtlJobFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). This constructor takes the ports, for the local plane and the tests; the
/// parameterless constructor the Lambda runtime needs comes later, with the AWS adapters (PurchasePipeline.Aws).
/// </remarks>
public sealed class StartEtlJobFunction(IEtlJobService jobs) : ITaskFunction
{
    private readonly StartEtlJobTask task = new(jobs);

    /// <summary>The Lambda entry point: <see cref="StartEtlJobRequest"/> JSON in, <see cref="JobRunResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.StartEtlJobRequest, TaskJson.Default.JobRunResult, task.RunAsync, cancellationToken);
}
