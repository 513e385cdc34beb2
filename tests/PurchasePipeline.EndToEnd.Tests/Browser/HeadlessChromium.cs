using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the Chrome DevTools Protocol (one page, one WebSocket): navigate,
/// evaluate script in the page, size the viewport, take screenshots, and collect what the page logs as an error.
/// The flags keep it off the network (this machine refuses outside connections) and out of the user's profile.
/// </summary>
/// <remarks>
/// Protocol: https://chromedevtools.github.io/devtools-protocol/ (Page.navigate, Page.loadEventFired,
/// Runtime.evaluate, Runtime.consoleAPICalled, Runtime.exceptionThrown, Log.entryAdded,
/// Emulation.setDeviceMetricsOverride, Page.captureScreenshot). The port is chosen by chromium
/// (--remote-debugging-port=0) and read from the "DevTools listening on ws://…" line it prints on stderr.
/// </remarks>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>A guard against a hung browser, not a measurement: every wait gives up after this.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDirectory profile;
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> pending = [];
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly List<string> errors = [];
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;
    private int nextId;

    private HeadlessChromium(Process process, TempDirectory profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Errors the page logged so far: console.error/assert calls, uncaught exceptions, browser log entries of level error (a CSP violation, a failed load).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var profile = new TempDirectory();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile.Path, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = TestTools.Start(start, "chromium");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event (scripts have run, the layout is done).</summary>
    public async Task NavigateAsync(string url, CancellationToken cancellationToken)
    {
        var loaded = WaitForEventAsync("Page.loadEventFired", cancellationToken);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancellationToken);
        await loaded;
    }

    /// <summary>The viewport as a window of <paramref name="width"/> CSS pixels (device scale 1).</summary>
    public Task SetViewportAsync(int width, int height, CancellationToken cancellationToken) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, cancellationToken);

    /// <summary>The value of a script expression evaluated in the page, as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var response = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        if (response["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException("script failed in the page: " + exception.ToJsonString());
        }

        return response["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the page region (CSS pixels from the top of the document), beyond the viewport if need be.</summary>
    public async Task<byte[]> ScreenshotAsync(double x, double y, double width, double height, CancellationToken cancellationToken)
    {
        var clip = new JsonObject { ["x"] = x, ["y"] = y, ["width"] = width, ["height"] = height, ["scale"] = 1 };
        var response = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip }, cancellationToken);
        return Convert.FromBase64String((string)response["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        socket.Dispose();
        if (receiving is not null)
        {
            await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        stop.Dispose();
        profile.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        string? browserUrl = null;
        while (browserUrl is null)
        {
            var line = await process.StandardError.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"{Executable} exited before it listened for DevTools");
            browserUrl = DevToolsLine().Match(line) is { Success: true } match ? match.Groups[1].Value : null;
        }

        // Keep draining its output, so a chatty browser never blocks on a full pipe.
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var port = new Uri(browserUrl).Port;
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), timeout.Token))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), timeout.Token);
        receiving = ReceiveAsync(stop.Token);
        await SendAsync("Page.enable", null, cancellationToken);
        await SendAsync("Runtime.enable", null, cancellationToken);
        await SendAsync("Log.enable", null, cancellationToken);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (pending)
        {
            id = ++nextId;
            pending[id] = reply;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var response = await reply.Task.WaitAsync(Patience, cancellationToken);
        return response["error"] is { } error
            ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
            : response["result"]?.AsObject() ?? [];
    }

    private async Task WaitForEventAsync(string method, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var message = await events.Reader.ReadAsync(timeout.Token);
            if ((string?)message["method"] == method)
            {
                return;
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                text.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var message = JsonNode.Parse(text.ToArray())!.AsObject();
                text.SetLength(0);
                Dispatch(message);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The browser is closing.
        }
    }

    private void Dispatch(JsonObject message)
    {
        if (message["id"] is { } id)
        {
            TaskCompletionSource<JsonObject>? reply;
            lock (pending)
            {
                pending.Remove((int)id, out reply);
            }

            reply?.TrySetResult(message);
            return;
        }

        var parameters = message["params"];
        var error = (string?)message["method"] switch
        {
            "Runtime.consoleAPICalled" when (string?)parameters?["type"] is "error" or "assert" => "console." + parameters!["type"] + ": " + parameters["args"]?.ToJsonString(),
            "Runtime.exceptionThrown" => "exception: " + parameters?["exceptionDetails"]?.ToJsonString(),
            "Log.entryAdded" when (string?)parameters?["entry"]?["level"] == "error" => "log: " + parameters!["entry"]!["text"],
            _ => null,
        };
        if (error is not null)
        {
            lock (errors)
            {
                errors.Add(error);
            }
        }

        events.Writer.TryWrite(message);
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
