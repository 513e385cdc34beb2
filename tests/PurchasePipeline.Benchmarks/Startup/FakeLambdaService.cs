using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PurchasePipeline.Benchmarks.Startup;

/// <summary>
/// What a cold-started task function talks to, on 127.0.0.1 only: the Lambda Runtime API (GET
/// /2018-06-01/runtime/invocation/next hands out one StartCrawler event; POST …/response or …/error ends the
/// cold start) and Glue (AWS_ENDPOINT_URL: StartCrawler answers <c>{}</c>), so the handler makes its real
/// signed call. Later <c>next</c> calls are held open, as Lambda holds them while the environment is frozen.
/// </summary>
internal sealed class FakeLambdaService : IDisposable
{
    private const string Event = """{"crawlerName":"purchase-pipeline-raw","log":{"executionId":"cold-start","stateName":"StartCrawler"}}""";

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private TaskCompletionSource<Reply> reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int invocation;

    public FakeLambdaService()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        listener.Prefixes.Add($"http://{Address}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>host:port, for AWS_LAMBDA_RUNTIME_API and (as http://…) AWS_ENDPOINT_URL.</summary>
    public string Address { get; }

    /// <summary>Arms the service for the next cold start: one event, and a new reply to wait for.</summary>
    public Task<Reply> NextReply()
    {
        reply = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref invocation, 0);
        return reply.Task;
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? "/";
        var received = Stopwatch.GetTimestamp();
        using var body = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await body.ReadToEndAsync().ConfigureAwait(false);
        if (path.EndsWith("/runtime/invocation/next", StringComparison.Ordinal))
        {
            if (Interlocked.Increment(ref invocation) > 1)
            {
                // The environment is "frozen" until the harness kills it.
                await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                return;
            }

            context.Response.AddHeader("Lambda-Runtime-Aws-Request-Id", "cold-start-1");
            context.Response.AddHeader("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            await WriteAsync(context, 200, Event).ConfigureAwait(false);
            return;
        }

        if (path.Contains("/runtime/invocation/", StringComparison.Ordinal) || path.EndsWith("/runtime/init/error", StringComparison.Ordinal))
        {
            await WriteAsync(context, 202, """{"status":"OK"}""").ConfigureAwait(false);
            reply.TrySetResult(new Reply(received, path.EndsWith("/response", StringComparison.Ordinal), text));
            return;
        }

        // Glue's StartCrawler (X-Amz-Target AWSGlue.StartCrawler): success has an empty body.
        context.Response.AddHeader("x-amzn-RequestId", "glue-1");
        await WriteAsync(context, 200, "{}").ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
        context.Response.Close();
    }
}

/// <summary>The function's first reply: when it arrived (a Stopwatch timestamp), whether it was a response (not an error), its body.</summary>
internal sealed record Reply(long Timestamp, bool IsResponse, string Body);
