using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// GetJobRun: reads the job run's state and, once it succeeded, the summary of the manifest it committed and
/// whether that manifest lists this execution's object (a joined run may have missed it: then another run read
/// it, or a later one will).
/// </summary>
/// <remarks>
/// Throws <see cref="Errors.RawObjectQuarantinedException"/> when the run could not read this execution's object
/// and quarantined it: the state's Catch fails this execution alone and pages; the run's other objects succeed.
/// </remarks>
public sealed class GetJobRunTask(IEtlJobService jobs, IRunManifestStore manifests) : IPipelineTask<GetJobRunRequest, JobRunResult>
{
    /// <inheritdoc />
    public async Task<JobRunResult> RunAsync(GetJobRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobName = TaskInput.Required(request.JobName, "$.jobName");
        var jobRunId = TaskInput.Required(request.JobRunId, "$.jobRunId");
        var poll = TaskInput.Required(request.Poll, "$.poll");

        var status = await jobs.GetJobRunAsync(jobName, jobRunId, cancellationToken).ConfigureAwait(false);
        var manifest = status.State == TaskStates.JobSucceeded
            ? await manifests.GetAsync(jobRunId, cancellationToken).ConfigureAwait(false)
            : null;
        var summary = manifest is null ? null : RunManifestSummary.Of(manifest);
        bool? objectRead = null;
        if (manifest is not null && LandedObject.Of(request.RawObject, request.ExecutionInput) is { } landed)
        {
            if (landed.QuarantinedBy(manifest, status) is { } quarantined)
            {
                throw new Errors.RawObjectQuarantinedException(quarantined.Key, jobRunId, quarantined.Reason);
            }

            objectRead = landed.ReadBy(manifest, status);
        }

        var errorMessage = TaskStates.ErrorMessage(status.ErrorMessage, status.State, TaskStates.JobEndedUnsuccessfully, "the ETL job");
        return new JobRunResult(jobRunId, status.State, errorMessage, poll, summary, request.Round ?? 1, objectRead);
    }
}
