namespace PurchasePipeline.Core.Tasks;

/// <summary>The service states the tasks produce or act on (the ASL's Choice states compare the same strings).</summary>
public static class TaskStates
{
    /// <summary>A crawler that is crawling (Glue CrawlerState).</summary>
    public const string CrawlerRunning = "RUNNING";

    /// <summary>A job run that was just started (Glue JobRunState); the ASL waits on it.</summary>
    public const string JobStarting = "STARTING";

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
}
