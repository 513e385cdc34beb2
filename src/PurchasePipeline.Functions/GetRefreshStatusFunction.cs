using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetRefreshStatus state's Lambda: reads the ingestion's status (<see cref="GetRefreshStatusTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetRefreshStatusFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class GetRefreshStatusFunction(IDatasetService datasets) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetRefreshStatusFunction()
        : this(AwsTaskPorts.Shared.Dataset)
    {
    }

    private readonly GetRefreshStatusTask task = new(datasets);

    /// <summary>The Lambda entry point: <see cref="GetRefreshStatusRequest"/> JSON in, <see cref="RefreshResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.GetRefreshStatusRequest, TaskJson.Default.RefreshResult, task.RunAsync, cancellationToken);
}
