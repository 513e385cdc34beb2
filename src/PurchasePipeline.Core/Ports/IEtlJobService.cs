namespace PurchasePipeline.Core.Ports;

/// <summary>The bookmarked ETL job (AWS: Glue StartJobRun/GetJobRun/ResetJobBookmark; local: DuckDB).</summary>
/// <remarks>
/// <see cref="StartJobRunAsync"/> throws <see cref="Errors.ConcurrentRunsExceededException"/> when the
/// job is at its concurrency limit; a run that starts and then fails reports FAILED through
/// <see cref="GetJobRunAsync"/> with its error message, it does not throw.
/// </remarks>
public interface IEtlJobService
{
    /// <summary>Resets the job's bookmark so the next run reprocesses every raw object.</summary>
    Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken);

    /// <summary>Starts a run and returns its id.</summary>
    Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken);

    Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken);
}

/// <summary>A job run's state (STARTING, RUNNING, STOPPING, STOPPED, SUCCEEDED, FAILED, TIMEOUT, ERROR, WAITING) and error message.</summary>
public sealed record JobRunStatus(string JobRunId, string State, string? ErrorMessage);
