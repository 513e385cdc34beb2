namespace PurchasePipeline.Generator.Sinks;

/// <summary>Where generated objects go: a folder, an S3 bucket, or whatever a caller plugs in.</summary>
/// <remarks>
/// Keys are relative and '/'-separated (<c>raw/2026/11/01/purchases-20261101-s42-000001.csv</c>). An
/// implementation makes each object visible whole or not at all, so a watcher or an S3 event never sees a
/// partial file, and replaces an object that already exists under the key. It does not retry: I/O and
/// service errors propagate to the caller.
/// </remarks>
public interface IObjectSink
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
