namespace PurchasePipeline.Core.Errors;

/// <summary>
/// The job run that reached this execution's object could not read it and quarantined it: the object is kept
/// in raw/ and bookmarked, so it blocks no later run, and this execution fails (and pages) for it alone. It is
/// read again once it is uploaded again (a new etag) under the same key.
/// </summary>
public sealed class RawObjectQuarantinedException : PipelineException
{
    public RawObjectQuarantinedException(string key, string jobRunId, string reason)
        : base($"{key}: quarantined by job run {jobRunId}, not read: {reason}; fix the file and upload it again under the same key")
    {
        Key = key;
        Reason = reason;
    }

    /// <summary>The object's key.</summary>
    public string Key { get; }

    /// <summary>Why the job could not read it.</summary>
    public string Reason { get; }
}
