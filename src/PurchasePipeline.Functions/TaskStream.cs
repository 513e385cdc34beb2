using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Functions;

/// <summary>The handlers' one shape: JSON in → task → JSON out, with source-generated (de)serialisation.</summary>
internal static class TaskStream
{
    public static async Task<Stream> RunAsync<TRequest, TResult>(
        Stream input,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TRequest, CancellationToken, Task<TResult>> runAsync,
        CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await ReadAsync(input, requestInfo, cancellationToken).ConfigureAwait(false);
        var result = await runAsync(request, cancellationToken).ConfigureAwait(false);

        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, result, resultInfo, cancellationToken).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }

    private static async Task<TRequest> ReadAsync<TRequest>(Stream input, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
        where TRequest : class
    {
        TRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(input, requestInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }

        return request ?? throw new InvalidTaskInputException("$", "expected a JSON object, got null");
    }

    private static InvalidTaskInputException Malformed(JsonException e)
    {
        // System.Text.Json appends " Path: … | LineNumber: … | BytePositionInLine: …"; say it once, 1-based.
        var message = e.Message;
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = suffix > 0 ? message[..suffix] : message;
        var position = e.LineNumber is { } line
            ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})"
            : string.Empty;
        return new InvalidTaskInputException(e.Path ?? "$", $"malformed JSON{position}: {reason}", e);
    }
}
