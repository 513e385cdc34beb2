using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>RefreshDataset: starts the dataset's ingestion for this job run, at most once per run.</summary>
/// <remarks>
/// The ingestion id comes from the job run id (<see cref="IngestionIds"/>). The task first asks for that
/// ingestion: one that exists (an earlier attempt created it before its response was lost) is reported as
/// it is; only <see cref="EntityNotFoundException"/> from <see cref="IDatasetService.DescribeIngestionAsync"/>
/// leads to <see cref="IDatasetService.CreateIngestionAsync"/>.
/// </remarks>
public sealed class RefreshDatasetTask(IDatasetService datasets) : IPipelineTask<RefreshDatasetRequest, RefreshResult>
{
    /// <inheritdoc />
    public async Task<RefreshResult> RunAsync(RefreshDatasetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var datasetId = TaskInput.Required(request.DatasetId, "$.datasetId");
        var jobRunId = TaskInput.Required(request.JobRunId, "$.jobRunId");
        var ingestionId = IngestionIds.ForJobRun(jobRunId);

        try
        {
            var existing = await datasets.DescribeIngestionAsync(datasetId, ingestionId, cancellationToken).ConfigureAwait(false);
            var errorMessage = TaskStates.ErrorMessage(existing.ErrorMessage, existing.State, TaskStates.IngestionEndedUnsuccessfully, "the dataset refresh");
            return new RefreshResult(ingestionId, existing.State, errorMessage, Poll: 0);
        }
        catch (EntityNotFoundException)
        {
            // The usual case: this run's ingestion does not exist yet.
        }

        await datasets.CreateIngestionAsync(datasetId, ingestionId, cancellationToken).ConfigureAwait(false);
        return new RefreshResult(ingestionId, TaskStates.IngestionInitialized, ErrorMessage: null, Poll: 0);
    }
}
