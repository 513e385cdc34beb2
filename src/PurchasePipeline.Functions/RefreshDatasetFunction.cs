using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The RefreshDataset state's Lambda: starts the dataset's ingestion for the job run, once (<see cref="RefreshDatasetTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.RefreshDatasetFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class RefreshDatasetFunction(IDatasetService datasets) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public RefreshDatasetFunction()
        : this(AwsTaskPorts.Shared.Dataset)
    {
    }

    private readonly RefreshDatasetTask task = new(datasets);

    /// <summary>The Lambda entry point: <see cref="RefreshDatasetRequest"/> JSON in, <see cref="RefreshResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.RefreshDatasetRequest, TaskJson.Default.RefreshResult, task.RunAsync, cancellationToken);
}
