using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>The job port on Glue: ResetJobBookmark, StartJobRun (ConcurrentRunsExceededException at the limit), GetJobRun.</summary>
public sealed class GlueEtlJobService : IEtlJobService
{
    private readonly GlueClient glue;

    internal GlueEtlJobService(GlueClient glue) => this.glue = glue;

    public Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken) =>
        glue.ResetJobBookmarkAsync(jobName, cancellationToken);

    public Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken) =>
        glue.StartJobRunAsync(jobName, cancellationToken);

    public async Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken)
    {
        var run = await glue.GetJobRunAsync(jobName, jobRunId, cancellationToken).ConfigureAwait(false);
        return new JobRunStatus(run.Id ?? jobRunId, run.JobRunState!, run.ErrorMessage);
    }
}
