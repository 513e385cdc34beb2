using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PurchasePipeline.Aws.Tests.Support;

/// <summary>
/// An AWS service stand-in on 127.0.0.1 (HttpListener, in-process): answers scripted responses in order,
/// then the fallback, and records every request so tests can check what the client sent and signed.
/// </summary>
internal sealed class FakeAwsEndpoint : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ScriptedResponse> script = new();
    private readonly Task loop;
    private int served;

    public FakeAwsEndpoint()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers a request once the script is used up (default: 200 <c>{}</c>).</summary>
    public Func<RecordedRequest, ScriptedResponse> Fallback { get; set; } = _ => ScriptedResponse.Ok("{}");

    public FakeAwsEndpoint Then(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            script.Enqueue(response);
        }

        return this;
    }

    public RecordedRequest Single() => Assert.Single(Requests);

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
            var request = new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.RawUrl ?? "/",
                context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            Requests.Enqueue(request);
            var response = script.TryDequeue(out var next) ? next : Fallback(request);
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

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
