using System.Collections.Concurrent;
using System.Net;
using PurchasePipeline.Aws.Tests.Support;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// S3 GetObject, path-style (GET /bucket/key), over one bucket's objects: a missing key or bucket is answered
/// as S3 answers it, 404 with an XML &lt;Error&gt; body (NoSuchKey, NoSuchBucket), and S3's request id headers.
/// </summary>
internal sealed class FakeS3(string bucket)
{
    private readonly ConcurrentDictionary<string, string> objects = new(StringComparer.Ordinal);
    private int requests;

    public void Put(string key, string body) => objects[key] = body;

    public ScriptedResponse Serve(RecordedRequest request)
    {
        var path = Uri.UnescapeDataString(request.RawPath.Split('?')[0]).TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var (askedBucket, key) = slash < 0 ? (path, string.Empty) : (path[..slash], path[(slash + 1)..]);
        if (request.Method != "GET")
        {
            return Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", string.Empty);
        }

        if (askedBucket != bucket)
        {
            return Error(404, "NoSuchBucket", "The specified bucket does not exist", $"<BucketName>{askedBucket}</BucketName>");
        }

        return objects.TryGetValue(key, out var body)
            ? new ScriptedResponse(200, body, Headers("application/json", ("ETag", "\"9b2cf535f27731c974343645a3985328\""), ("Last-Modified", "Wed, 01 May 2024 10:00:42 GMT")))
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

    private string RequestId() => "S3REQ" + Interlocked.Increment(ref requests).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

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
