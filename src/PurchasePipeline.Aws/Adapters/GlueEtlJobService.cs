using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>
/// The job port on Glue: ResetJobBookmark, StartJobRun (queued: WAITING at the job's MaxConcurrentRuns;
/// ConcurrentRunsExceededException only if Glue still refuses it), GetJobRun, GetJobRuns.
/// </summary>
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
        return Status(run, jobRunId);
    }

    /// <remarks>
    /// Glue has no time filter and keeps every run (boto/boto3#3833), so this pages only until a page holds a run
    /// that completed before <paramref name="since"/>: Glue lists a job's runs newest first (what emulators copy from
    /// AWS, faiscadev/fakecloud#2001; AWS's reference does not say), and with one run at a time every older run
    /// completed earlier still.
    /// </remarks>
    public async Task<IReadOnlyList<JobRunStatus>> GetJobRunsAsync(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var runs = new List<JobRunStatus>();
        string? nextToken = null;
        do
        {
            var page = await glue.GetJobRunsAsync(jobName, nextToken, cancellationToken).ConfigureAwait(false);
            var statuses = (page.JobRuns ?? []).Select(run => Status(run, run.Id!)).ToList();
            runs.AddRange(statuses.Where(run => !(run.CompletedOn < since)));
            nextToken = statuses.Any(run => run.CompletedOn < since) ? null : page.NextToken;
        }
        while (nextToken is not null);

        return runs;
    }

    private static JobRunStatus Status(JobRun run, string jobRunId) =>
        new(run.Id ?? jobRunId, run.JobRunState!, run.ErrorMessage, Time(run.StartedOn), Time(run.CompletedOn));

    private static DateTimeOffset? Time(double? epochSeconds) =>
        epochSeconds is { } seconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)) : null;
}
