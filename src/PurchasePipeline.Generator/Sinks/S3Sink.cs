using Amazon.S3;
using Amazon.S3.Model;

namespace PurchasePipeline.Generator.Sinks;

/// <summary>
/// Puts objects into an S3 bucket under a prefix, one PutObject each (S3 makes an object visible only once
/// it is complete). Owns and disposes the client.
/// </summary>
internal sealed class S3Sink(IAmazonS3 client, S3Target target) : IObjectSink, IDisposable
{
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = target.KeyOf(key),
            InputStream = body,
            ContentType = ContentTypeOf(key),
            AutoCloseStream = false,
        };
        await client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => client.Dispose();

    private static string ContentTypeOf(string key) =>
        key.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? "application/x-ndjson"
        : key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv"
        : "application/octet-stream";
}
