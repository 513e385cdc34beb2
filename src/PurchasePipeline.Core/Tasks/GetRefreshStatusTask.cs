using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// GetRefreshStatus: reads the ingestion's status as QuickSight reports it. INITIALIZED, QUEUED and RUNNING
/// fall to the ASL's Default (wait again); COMPLETED, FAILED and CANCELLED end the polling.
/// </summary>
public sealed class GetRefreshStatusTask(IDatasetService datasets) : IPipelineTask<GetRefreshStatusRequest, RefreshResult>
{
    /// <inheritdoc />
    public async Task<RefreshResult> RunAsync(GetRefreshStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var datasetId = TaskInput.Required(request.DatasetId, "$.datasetId");
        var ingestionId = TaskInput.Required(request.IngestionId, "$.ingestionId");
        var poll = TaskInput.Required(request.Poll, "$.poll");

        var status = await datasets.DescribeIngestionAsync(datasetId, ingestionId, cancellationToken).ConfigureAwait(false);
        var errorMessage = TaskStates.ErrorMessage(status.ErrorMessage, status.State, TaskStates.IngestionEndedUnsuccessfully, "the dataset refresh");
        return new RefreshResult(ingestionId, status.State, errorMessage, poll);
    }
}
