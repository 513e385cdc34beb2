namespace PurchasePipeline.States;

/// <summary>A task failed with a named error, which Retry and Catch match on (e.g. Lambda.ServiceException).</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string error, string? cause)
        : base(cause is null ? error : error + ": " + cause)
    {
        Error = error;
        Cause = cause;
    }

    /// <summary>The error name.</summary>
    public string Error { get; }

    /// <summary>The cause, often a JSON document or one line of text.</summary>
    public string? Cause { get; }
}
