namespace PurchasePipeline.Local.Lake;

/// <summary>An object under landing/raw: its key (raw/…), its etag, and the file that holds it.</summary>
public sealed record RawObject(string Key, string ETag, long Size, string Path)
{
    /// <summary>JSON lines objects end in .jsonl or .json; everything else is read as CSV.</summary>
    public bool IsJsonLines =>
        Key.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
