namespace PurchasePipeline.Core.Errors;

/// <summary>
/// A raw object cannot be read at all (unreadable header, missing or unknown columns). The job quarantines
/// it (the manifest's quarantined list), reads the others, and the object stays in raw/ until it is uploaded
/// again, fixed; the crawler leaves it out of the raw table.
/// </summary>
public sealed class RawFileException : PipelineException
{
    public RawFileException(string key, string reason)
        : base($"{key}: {reason}")
    {
        Key = key;
        Reason = reason;
    }

    /// <summary>The object key of the file.</summary>
    public string Key { get; }

    /// <summary>Why the file cannot be read.</summary>
    public string Reason { get; }
}
