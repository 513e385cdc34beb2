using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace PurchasePipeline.TestUtils.Http;

/// <summary>
/// AWS services' stand-in on 127.0.0.1 (HttpListener, in-process), for AWS_ENDPOINT_URL[_SERVICE]: a request
/// gets the next scripted response, else its operation's route (<see cref="On"/>), else the fallback; every
/// request is recorded so tests can check what the client sent and signed.
/// </summary>
public sealed class FakeAwsEndpoint : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ScriptedResponse> script = new();
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, ScriptedResponse>> routes = new(StringComparer.Ordinal);
    private readonly Task loop;
    private int served;

    public FakeAwsEndpoint()
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

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers a request nothing else answers (default: 200 <c>{}</c>).</summary>
    public Func<RecordedRequest, ScriptedResponse> Fallback { get; set; } = _ => ScriptedResponse.Ok("{}");

    /// <summary>Answers the next requests, in order, before any route or the fallback.</summary>
    public FakeAwsEndpoint Then(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            script.Enqueue(response);
        }

        return this;
    }

    /// <summary>Answers calls of <paramref name="operation"/>: an X-Amz-Target (<c>AWSGlue.StartCrawler</c>) or a query Action (<c>Publish</c>).</summary>
    public FakeAwsEndpoint On(string operation, Func<RecordedRequest, ScriptedResponse> respond)
    {
        routes[operation] = respond;
        return this;
    }

    /// <summary>The requests of one operation, in order.</summary>
    public IReadOnlyList<RecordedRequest> Calls(string operation) => [.. Requests.Where(r => r.Operation == operation)];

    /// <summary>The one request received (fails the test when there were more or none).</summary>
    public RecordedRequest OnlyRequest() => Assert.Single(Requests);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync().ConfigureAwait(false);
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var request = new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.RawUrl ?? "/",
                context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            Requests.Enqueue(request);
            var response = script.TryDequeue(out var next) ? next
                : routes.TryGetValue(request.Operation, out var respond) ? respond(request)
                : Fallback(request);
            var number = Interlocked.Increment(ref served);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.AddHeader(name, value);
            }

            if (response.Headers?.ContainsKey("x-amzn-RequestId") != true)
            {
                context.Response.AddHeader("x-amzn-RequestId", $"req-{number}");
            }

            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(response.Body)).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
