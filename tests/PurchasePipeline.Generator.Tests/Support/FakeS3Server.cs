using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>
/// A tiny S3 stand-in on 127.0.0.1: answers every request 200 with an ETag and records it, so tests can
/// assert on what the SDK sent without AWS.
/// </summary>
internal sealed class FakeS3Server : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public FakeS3Server()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

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
            Requests.Enqueue(new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.AddHeader("ETag", "\"fake-etag\"");
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
