using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// StartEtlJob: joins the job run that reads this execution's object (<see cref="JobRunOfObject"/>), else starts
/// (Glue: queues) one; a re-run that resets the bookmark always starts its own, right after the reset.
/// </summary>
/// <remarks>
/// <see cref="Errors.ConcurrentRunsExceededException"/> (a plane that cannot queue) propagates: the state's Retry
/// backs off and calls again, and the next attempt first looks again for a run to join. The reset is repeated
/// on every attempt on purpose, so it happens right before the run that starts, after any run that held the
/// job (and committed its own bookmark) has finished; while a run is unfinished the reset is refused the same
/// way. An input without the event's time (written by hand) joins nothing.
/// </remarks>
public sealed class StartEtlJobTask(IEtlJobService jobs, IRunManifestStore manifests) : IPipelineTask<StartEtlJobRequest, JobRunResult>
{
    /// <inheritdoc />
    public async Task<JobRunResult> RunAsync(StartEtlJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobName = TaskInput.Required(request.JobName, "$.jobName");
        var round = (request.Round ?? 0) + 1;

        if (request.ExecutionInput?.Rerun?.ResetBookmark ?? false)
        {
            await ThrowIfARunHoldsTheJobAsync(jobName, cancellationToken).ConfigureAwait(false);
            await jobs.ResetBookmarkAsync(jobName, cancellationToken).ConfigureAwait(false);
        }
        else if (LandedObject.Of(request.RawObject, request.ExecutionInput) is { } landed
            && await JobRunOfObject.FindAsync(jobs, manifests, jobName, landed, cancellationToken).ConfigureAwait(false) is { } joined)
        {
            return new JobRunResult(joined.JobRunId, joined.State, ErrorMessage: null, Poll: 0, Manifest: null, round);
        }

        var jobRunId = await jobs.StartJobRunAsync(jobName, cancellationToken).ConfigureAwait(false);
        return new JobRunResult(jobRunId, TaskStates.JobStarting, ErrorMessage: null, Poll: 0, Manifest: null, round);
    }

    /// <summary>
    /// Glue queues a run behind a running one, so StartJobRun no longer holds a reset back until the job is idle:
    /// a run still to finish would commit its bookmark over the reset. Every run completed "before the end of
    /// time", so the listing is only the unfinished runs (one page).
    /// </summary>
    private async Task ThrowIfARunHoldsTheJobAsync(string jobName, CancellationToken cancellationToken)
    {
        var runs = await jobs.GetJobRunsAsync(jobName, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        if (runs.FirstOrDefault(run => run.State != TaskStates.JobSucceeded && !TaskStates.JobEndedUnsuccessfully.Contains(run.State)) is { } holding)
        {
            throw new Errors.ConcurrentRunsExceededException(jobName, $"run {holding.JobRunId} is {holding.State}; the bookmark is reset once no run holds the job");
        }
    }
}
