using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PurchasePipeline.Functions.Runtime;

/// <summary>
/// The Lambda Runtime API a custom runtime (provided.al2023) talks to: take the next invocation, post its
/// response or its error, or say the function could not start (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
/// </summary>
/// <remarks>
/// Errors are reported as the managed .NET runtime reports them, so the state machine's Retry and Catch see the
/// same names whichever runtime hosts the handler: <c>errorType</c> is the exception's type name
/// (aws/aws-lambda-dotnet, Libraries/src/Amazon.Lambda.RuntimeSupport/ExceptionHandling/ExceptionInfo.cs).
/// </remarks>
internal sealed class RuntimeApi(HttpClient http)
{
    /// <summary>The variable Lambda sets to the API's host:port.</summary>
    public const string AddressVariable = "AWS_LAMBDA_RUNTIME_API";

    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>A client for the API at <paramref name="address"/> (host:port), with the version path every call takes.</summary>
    public static HttpClient CreateHttpClient(string address) =>
        new() { BaseAddress = new Uri($"http://{address}/2018-06-01/"), Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Waits for the next invocation (the call blocks until there is one).</summary>
    /// <exception cref="HttpRequestException">The API refused the call.</exception>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("runtime/invocation/next", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var requestId = Header(response.Headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new HttpRequestException("the Runtime API's next invocation has no Lambda-Runtime-Aws-Request-Id header");
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(requestId, Header(response.Headers, "Lambda-Runtime-Trace-Id"), body);
    }

    public Task RespondAsync(string requestId, Stream output, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{requestId}/response", new StreamContent(output), cancellationToken);

    public Task ReportErrorAsync(string requestId, Exception error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{requestId}/error", ErrorContent(error), cancellationToken);

    /// <summary>The function cannot serve any invocation (unknown handler, missing setting): Lambda fails the init.</summary>
    public Task ReportInitErrorAsync(Exception error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", ErrorContent(error), cancellationToken);

    /// <summary>The error document: errorMessage, errorType (the exception's type name) and stackTrace.</summary>
    internal static ByteArrayContent ErrorContent(Exception error)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the document is read as JSON and shown in the console and CloudWatch, never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", error.Message);
            json.WriteString("errorType", error.GetType().Name);
            json.WriteStartArray("stackTrace");
            foreach (var line in (error.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(ErrorTypeHeader, error.GetType().Name);
        return content;
    }

    private async Task PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>One event to handle: its request id (for the reply), X-Ray trace header and payload.</summary>
/// <remarks>Lambda stops the environment at the function's timeout itself, so the deadline header is not read.</remarks>
internal sealed record Invocation(string RequestId, string? TraceId, byte[] Payload);
