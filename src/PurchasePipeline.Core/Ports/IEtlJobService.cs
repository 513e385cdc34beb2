namespace PurchasePipeline.Core.Ports;

/// <summary>The bookmarked ETL job (AWS: Glue StartJobRun/GetJobRun/GetJobRuns/ResetJobBookmark; local: DuckDB).</summary>
/// <remarks>
/// <see cref="StartJobRunAsync"/> asks for a run that waits its turn when the job is busy (Glue: job run
/// queuing, the run is WAITING); a plane that cannot queue throws <see cref="Errors.ConcurrentRunsExceededException"/>
/// at the job's concurrency limit (the local job). A run that starts and then fails reports FAILED through
/// <see cref="GetJobRunAsync"/> with its error message, it does not throw.
/// </remarks>
public interface IEtlJobService
{
    /// <summary>Resets the job's bookmark so the next run reprocesses every raw object.</summary>
    Task ResetBookmarkAsync(string jobName, CancellationToken cancellationToken);

    /// <summary>Starts (or queues) a run and returns its id.</summary>
    Task<string> StartJobRunAsync(string jobName, CancellationToken cancellationToken);

    Task<JobRunStatus> GetJobRunAsync(string jobName, string jobRunId, CancellationToken cancellationToken);

    /// <summary>
    /// The job's runs that had not ended by <paramref name="since"/> (still going, or completed at or after it),
    /// each with when it started and completed. A plane may return older runs too; none that qualifies is left out.
    /// </summary>
    Task<IReadOnlyList<JobRunStatus>> GetJobRunsAsync(string jobName, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A job run's state (STARTING, RUNNING, STOPPING, STOPPED, SUCCEEDED, FAILED, TIMEOUT, ERROR, WAITING, EXPIRED), error message, and when it started and completed (null when unknown or not yet).</summary>
public sealed record JobRunStatus(string JobRunId, string State, string? ErrorMessage, DateTimeOffset? StartedOn = null, DateTimeOffset? CompletedOn = null);
