namespace PurchasePipeline.Core.Errors;

/// <summary>Another run of the job is in progress; the job allows one at a time (Glue's MaxConcurrentRuns = 1).</summary>
public sealed class ConcurrentRunsExceededException : PipelineException
{
    /// <param name="jobName">The busy job.</param>
    /// <param name="detail">What the service said, e.g. its request id, for the cause.</param>
    public ConcurrentRunsExceededException(string jobName, string? detail = null)
        : base($"job {jobName} is already running; one run at a time is allowed" + (detail is null ? string.Empty : $" ({detail})"))
    {
        JobName = jobName;
    }

    /// <summary>The job that is busy.</summary>
    public string JobName { get; }
}
