using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PurchasePipeline.TestUtils.Http;

/// <summary>
/// S3's object API over one bucket, path-style (/bucket/key), served as a <see cref="FakeAwsEndpoint"/>'s
/// fallback (the endpoint records the requests): PUT stores the object (aws-chunked bodies decoded), GET returns
/// it; a missing key or bucket is answered as S3 answers it, 404 with an XML &lt;Error&gt; body (NoSuchKey,
/// NoSuchBucket), and S3's request id headers. Objects are served back as UTF-8 text.
/// </summary>
public sealed class FakeS3(string bucket)
{
    private readonly ConcurrentDictionary<string, byte[]> objects = new(StringComparer.Ordinal);
    private int requests;

    public void Put(string key, string body) => objects[key] = Encoding.UTF8.GetBytes(body);

    public ScriptedResponse Serve(RecordedRequest request)
    {
        var path = Uri.UnescapeDataString(request.Path).TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var (askedBucket, key) = slash < 0 ? (path, string.Empty) : (path[..slash], path[(slash + 1)..]);
        if (request.Method is not ("GET" or "PUT"))
        {
            return Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", string.Empty);
        }

        if (askedBucket != bucket)
        {
            return Error(404, "NoSuchBucket", "The specified bucket does not exist", $"<BucketName>{askedBucket}</BucketName>");
        }

        if (request.Method == "PUT")
        {
            var stored = objects[key] = S3Payload.Decode(request);
            return new ScriptedResponse(200, string.Empty, Headers("application/xml", ("ETag", ETag(stored))));
        }

        return objects.TryGetValue(key, out var body)
            ? new ScriptedResponse(200, Encoding.UTF8.GetString(body), Headers("application/json", ("ETag", ETag(body)), ("Last-Modified", "Wed, 01 May 2024 10:00:42 GMT")))
            : Error(404, "NoSuchKey", "The specified key does not exist.", $"<Key>{WebUtility.HtmlEncode(key)}</Key>");
    }

    /// <summary>An S3 error as S3 sends it: the status, and an XML body naming the code.</summary>
    public ScriptedResponse Error(int status, string code, string message, string detail)
    {
        var id = RequestId();
        return new ScriptedResponse(
            status,
            $"""<?xml version="1.0" encoding="UTF-8"?>{"\n"}<Error><Code>{code}</Code><Message>{message}</Message>{detail}<RequestId>{id}</RequestId><HostId>fake-host-id</HostId></Error>""",
            Headers("application/xml", ("x-amz-request-id", id)));
    }

    /// <summary>A single-part object's ETag, as S3 computes it: the quoted hex MD5 of its bytes.</summary>
    [SuppressMessage("Security", "CA5351", Justification = "S3 defines the ETag as an MD5; nothing secure rests on it.")]
    private static string ETag(byte[] body) => $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"";

    private string RequestId() => "S3REQ" + Interlocked.Increment(ref requests).ToString("D6", CultureInfo.InvariantCulture);

    private Dictionary<string, string> Headers(string contentType, params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType, ["x-amz-id-2"] = "fake-host-id" };
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        all.TryAdd("x-amz-request-id", RequestId());
        return all;
    }
}
