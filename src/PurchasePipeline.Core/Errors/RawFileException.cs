namespace PurchasePipeline.Core.Errors;

/// <summary>
/// A raw object cannot be read at all (unreadable header, missing or unknown columns). The run fails,
/// nothing is committed, and the object stays in raw/ for a re-run once it is fixed.
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
