using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>StartEtlJob: starts the bookmarked ETL job, first resetting its bookmark when the re-run asks.</summary>
/// <remarks>
/// <see cref="Errors.ConcurrentRunsExceededException"/> propagates: the state's Retry backs off and calls
/// again. The reset is repeated on every attempt on purpose, so it happens right before the run that
/// starts, after any run that held the job (and committed its own bookmark) has finished.
/// </remarks>
public sealed class StartEtlJobTask(IEtlJobService jobs) : IPipelineTask<StartEtlJobRequest, JobRunResult>
{
    /// <inheritdoc />
    public async Task<JobRunResult> RunAsync(StartEtlJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobName = TaskInput.Required(request.JobName, "$.jobName");

        if (request.ExecutionInput?.Rerun?.ResetBookmark ?? false)
        {
            await jobs.ResetBookmarkAsync(jobName, cancellationToken).ConfigureAwait(false);
        }

        var jobRunId = await jobs.StartJobRunAsync(jobName, cancellationToken).ConfigureAwait(false);
        return new JobRunResult(jobRunId, TaskStates.JobStarting, ErrorMessage: null, Poll: 0, Manifest: null);
    }
}
