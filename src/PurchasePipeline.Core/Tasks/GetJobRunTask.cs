using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// GetJobRun: reads the job run's state and, once it succeeded, the summary of the manifest it committed and
/// whether that manifest lists this execution's object (a joined run may have missed it: then another run read
/// it, or a later one will).
/// </summary>
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
        var objectRead = manifest is not null && LandedObject.Of(request.RawObject, request.ExecutionInput) is { } landed
            ? landed.ReadBy(manifest, status)
            : (bool?)null;
        var errorMessage = TaskStates.ErrorMessage(status.ErrorMessage, status.State, TaskStates.JobEndedUnsuccessfully, "the ETL job");
        return new JobRunResult(jobRunId, status.State, errorMessage, poll, summary, request.Round ?? 1, objectRead);
    }
}
