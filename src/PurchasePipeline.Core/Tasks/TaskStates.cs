namespace PurchasePipeline.Core.Tasks;

/// <summary>The service states the tasks produce or act on (the ASL's Choice states compare the same strings).</summary>
public static class TaskStates
{
    /// <summary>A crawler that is crawling (Glue CrawlerState).</summary>
    public const string CrawlerRunning = "RUNNING";

    /// <summary>A job run that was just started (Glue JobRunState); the ASL waits on it.</summary>
    public const string JobStarting = "STARTING";

    /// <summary>A job run queued behind another (Glue job run queuing): it has not read anything yet.</summary>
    public const string JobWaiting = "WAITING";

    /// <summary>A job run whose script is running.</summary>
    public const string JobRunning = "RUNNING";

    /// <summary>A job run that finished well; its manifest is then attached.</summary>
    public const string JobSucceeded = "SUCCEEDED";

    /// <summary>Validation queries still running.</summary>
    public const string ValidationRunning = "RUNNING";

    /// <summary>Every validation query finished; <see cref="ValidationResult.Passed"/> tells the outcome.</summary>
    public const string ValidationSucceeded = "SUCCEEDED";

    /// <summary>A validation query failed or was cancelled; the cause says which and why.</summary>
    public const string ValidationFailed = "FAILED";

    /// <summary>Athena query states (QueryExecutionState).</summary>
    public const string QuerySucceeded = "SUCCEEDED";

    /// <summary>An Athena query that failed.</summary>
    public const string QueryFailed = "FAILED";

    /// <summary>An Athena query that was cancelled.</summary>
    public const string QueryCancelled = "CANCELLED";

    /// <summary>A QuickSight ingestion that was just created (IngestionStatus).</summary>
    public const string IngestionInitialized = "INITIALIZED";

    /// <summary>The Glue JobRunStates that end a run without success (the ASL's IsJobDone sends them to JobFailed).</summary>
    public static IReadOnlySet<string> JobEndedUnsuccessfully { get; } = new HashSet<string>(["FAILED", "TIMEOUT", "ERROR", "STOPPED", "EXPIRED"], StringComparer.Ordinal);

    /// <summary>The IngestionStatuses that end a refresh without success (the ASL's IsRefreshDone sends them to RefreshFailed).</summary>
    public static IReadOnlySet<string> IngestionEndedUnsuccessfully { get; } = new HashSet<string>(["FAILED", "CANCELLED"], StringComparer.Ordinal);

    /// <summary>
    /// The error message a task reports: the service's, or for a run that ended unsuccessfully without one, a
    /// sentence saying so. The failure states format it into the alert, so it is never null there (whether
    /// AWS's States.Format accepts a null argument is not documented).
    /// </summary>
    public static string? ErrorMessage(string? reported, string state, IReadOnlySet<string> unsuccessful, string service) =>
        reported is { Length: > 0 } || !unsuccessful.Contains(state) ? reported : $"{service} gave no error message for this {state} outcome";
}
