using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// Every AWS service of the aws plane on one 127.0.0.1 endpoint (HttpListener, in-process), for
/// AWS_ENDPOINT_URL: a JSON-protocol call is answered by its X-Amz-Target, a query-protocol call (SNS) by
/// its Action; each request is recorded. Unscripted calls get a 500, so an unexpected call shows.
/// </summary>
/// <remarks>Aws.Tests' FakeAwsEndpoint scripts one service; this one routes the several calls of a run.</remarks>
internal sealed class FakeAwsServices : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, Func<FakeRequest, FakeResponse>> routes = new(StringComparer.Ordinal);
    private readonly Task loop;
    private int served;

    public FakeAwsServices()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Answers calls of <paramref name="operation"/>: an X-Amz-Target (<c>AWSGlue.StartCrawler</c>) or a query Action (<c>Publish</c>).</summary>
    public FakeAwsServices On(string operation, Func<FakeRequest, FakeResponse> respond)
    {
        routes[operation] = respond;
        return this;
    }

    /// <summary>The requests of one operation, in order.</summary>
    public IReadOnlyList<FakeRequest> Calls(string operation) => [.. Requests.Where(r => r.Operation == operation)];

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = new FakeRequest(
                context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                Encoding.UTF8.GetString(body.ToArray()));
            Requests.Enqueue(request);
            var response = routes.TryGetValue(request.Operation, out var respond) ? respond(request) : new FakeResponse(500, $"no route for {request.Operation}");
            context.Response.StatusCode = response.Status;
            context.Response.AddHeader("x-amzn-RequestId", $"fake-{Interlocked.Increment(ref served)}");
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(response.Body));
            context.Response.Close();
        }
    }
}

/// <summary>A recorded request: its headers and body, and the operation they name.</summary>
internal sealed record FakeRequest(IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The X-Amz-Target, else the form's Action, else "".</summary>
    public string Operation => Headers.TryGetValue("X-Amz-Target", out var target) ? target : Form.GetValueOrDefault("Action", string.Empty);

    /// <summary>The query-protocol form's members, percent-decoded.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts[1].Replace('+', ' ')), StringComparer.Ordinal);
}

/// <summary>A scripted answer: HTTP status and body.</summary>
internal sealed record FakeResponse(int Status, string Body)
{
    /// <summary>SNS's Publish result.</summary>
    public static FakeResponse Published(string messageId) => new(200,
        $"""<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>{messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>""");

    /// <summary>A query-protocol (SNS) error.</summary>
    public static FakeResponse SnsError(int status, string code, string message) => new(status,
        $"""<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>""");

    /// <summary>A JSON-protocol error.</summary>
    public static FakeResponse JsonError(int status, string code, string message) => new(status, $$"""{"__type":"{{code}}","message":"{{message}}"}""");
}
