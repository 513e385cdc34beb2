using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tasks;

/// <summary>GetJobRun: reads the job run's state and, once it succeeded, the summary of the manifest it committed.</summary>
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
        var errorMessage = TaskStates.ErrorMessage(status.ErrorMessage, status.State, TaskStates.JobEndedUnsuccessfully, "the ETL job");
        return new JobRunResult(jobRunId, status.State, errorMessage, poll, summary);
    }
}
