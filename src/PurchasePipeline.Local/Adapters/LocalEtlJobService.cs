using System.Collections.Concurrent;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// The job port on the local plane. StartJobRun runs the DuckDB job to the end and remembers how it
/// ended: a run that fails (an unreadable file, say) is a FAILED run with its message, as in Glue. A run waits
/// (up to <see cref="WaitForJob"/>, in real time) for a run of another process to end, as Glue queues it; only a
/// job held longer is refused (ConcurrentRunsExceededException, which the state's Retry backs off from).
/// GetJobRuns lists this process's runs and the runs committed in lake/manifests (by any process, the
/// watcher's included) that completed since the time asked, so an execution finds the run that read its object
/// wherever that run ran, without opening the manifests of older runs.
/// </summary>
public sealed class LocalEtlJobService(LocalHome home, TimeProvider time, IValidationRules rules) : IEtlJobService
{
    private readonly ConcurrentDictionary<string, JobRunStatus> runs = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a run waits for another run to release the job. In real time, not the engine's scaled clock: the
    /// local CLI scales Retry delays to nothing, and a retry 0 s later would find the job held again.
    /// </summary>
    public TimeSpan WaitForJob { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives the job's progress lines.</summary>
    public IProgress<string>? Progress { get; init; }

    public Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken)
    {
        new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName).Reset();
        return Task.CompletedTask;
    }

    public Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken)
    {
        var startedOn = time.GetUtcNow();
        var runId = LocalEtlJob.NewRunId(startedOn);
        try
        {
            new LocalEtlJob(home, time, rules).Run(new EtlRunOptions { RunId = runId, Progress = Progress, WaitForJob = WaitForJob }, cancellationToken);
            runs[runId] = new JobRunStatus(runId, "SUCCEEDED", null, startedOn, time.GetUtcNow());
        }
        catch (ConcurrentRunsExceededException)
        {
            throw;
        }
        catch (Exception e) when (e is PipelineException or IOException or InvalidDataException or DuckDB.NET.Data.DuckDBException)
        {
            runs[runId] = new JobRunStatus(runId, "FAILED", e.Message.Split('\n')[0], startedOn, time.GetUtcNow());
        }

        return Task.FromResult(runId);
    }

    /// <remarks>A run of another process (the watcher's) is known by its committed manifest.</remarks>
    public async Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken)
    {
        if (runs.TryGetValue(jobRunId, out var status))
        {
            return status;
        }

        var path = Path.Combine(home.Manifests, jobRunId + ".json");
        return File.Exists(path)
            ? Committed(await ReadAsync(path, cancellationToken).ConfigureAwait(false))
            : throw new EntityNotFoundException($"job {jobName} has no run {jobRunId}");
    }

    /// <remarks>
    /// As Glue's listing is read (GlueEtlJobService): runs that completed before <paramref name="since"/> are left out,
    /// so the cost does not grow with the job's history. A committed manifest is written after its run completed, so
    /// one whose file is older than <paramref name="since"/> is not even opened; the others are read for their times.
    /// The local trigger's event time is the object's last write (as S3's is its upload), never later than a run that read it.
    /// </remarks>
    public async Task<IReadOnlyList<JobRunStatus>> GetJobRunsAsync(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, JobRunStatus>(runs, StringComparer.Ordinal);
        if (Directory.Exists(home.Manifests))
        {
            foreach (var file in new DirectoryInfo(home.Manifests).EnumerateFiles("*.json").Where(f => !(f.LastWriteTimeUtc < since.UtcDateTime)))
            {
                var committed = Committed(await ReadAsync(file.FullName, cancellationToken).ConfigureAwait(false));
                all.TryAdd(committed.JobRunId, committed);
            }
        }

        return [.. all.Values.Where(run => !(run.CompletedOn < since))];
    }

    private static JobRunStatus Committed(RunManifest manifest) => new(manifest.RunId, "SUCCEEDED", null, manifest.StartedAt, manifest.CompletedAt);

    private static async Task<RunManifest> ReadAsync(string path, CancellationToken cancellationToken) =>
        RunManifestJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
}
