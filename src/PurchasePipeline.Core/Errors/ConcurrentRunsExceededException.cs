namespace PurchasePipeline.Core.Errors;

/// <summary>Another run of the job is in progress; the job allows one at a time (Glue's MaxConcurrentRuns = 1).</summary>
public sealed class ConcurrentRunsExceededException : PipelineException
{
    public ConcurrentRunsExceededException(string jobName)
        : base($"job {jobName} is already running; one run at a time is allowed")
    {
        JobName = jobName;
    }

    /// <summary>The job that is busy.</summary>
    public string JobName { get; }
}
