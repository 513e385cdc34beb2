namespace PurchasePipeline.Local.Lake;

/// <summary>An object under landing/raw: its key (raw/…), its etag, and the file that holds it.</summary>
public sealed record RawObject(string Key, string ETag, long Size, string Path)
{
    /// <summary>A gzip-compressed object (.gz), read decompressed as Glue and Athena read it.</summary>
    public bool IsGzip => Key.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>JSON lines objects end in .jsonl or .json; everything else (.csv, .csv.gz) is read as CSV.</summary>
    public bool IsJsonLines =>
        Key.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
