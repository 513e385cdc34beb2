using System.Collections.Concurrent;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// The job port on the local plane. StartJobRun runs the DuckDB job to the end and remembers how it
/// ended: a run that fails (an unreadable file, say) is a FAILED run with its message, as in Glue; only
/// "another run holds the job" is refused at start (ConcurrentRunsExceededException).
/// </summary>
public sealed class LocalEtlJobService(LocalHome home, TimeProvider time) : IEtlJobService
{
    private readonly ConcurrentDictionary<string, JobRunStatus> runs = new(StringComparer.Ordinal);

    /// <summary>Receives the job's progress lines.</summary>
    public IProgress<string>? Progress { get; init; }

    public Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken)
    {
        new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName).Reset();
        return Task.CompletedTask;
    }

    public Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken)
    {
        var runId = LocalEtlJob.NewRunId(time.GetUtcNow());
        try
        {
            new LocalEtlJob(home, time).Run(new EtlRunOptions { RunId = runId, Progress = Progress }, cancellationToken);
            runs[runId] = new JobRunStatus(runId, "SUCCEEDED", null);
        }
        catch (ConcurrentRunsExceededException)
        {
            throw;
        }
        catch (Exception e) when (e is PipelineException or IOException or InvalidDataException or DuckDB.NET.Data.DuckDBException)
        {
            runs[runId] = new JobRunStatus(runId, "FAILED", e.Message.Split('\n')[0]);
        }

        return Task.FromResult(runId);
    }

    public Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken) =>
        runs.TryGetValue(jobRunId, out var status)
            ? Task.FromResult(status)
            : throw new EntityNotFoundException($"job {jobName} has no run {jobRunId}");
}
