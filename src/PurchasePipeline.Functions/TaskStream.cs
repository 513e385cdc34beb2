using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions.Logging;

namespace PurchasePipeline.Functions;

/// <summary>The handlers' one shape: JSON in → task → JSON out, with source-generated (de)serialisation.</summary>
internal static class TaskStream
{
    public static Task<Stream> RunAsync<TRequest, TResult>(
        Stream input,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TRequest, CancellationToken, Task<TResult>> runAsync,
        CancellationToken cancellationToken)
        where TRequest : class =>
        RunAsync(input, requestInfo, resultInfo, runAsync, TaskLog.Current, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Runs the task, logging its start and end with the execution and state the definition passed (<see cref="TaskLog"/>).</summary>
    public static async Task<Stream> RunAsync<TRequest, TResult>(
        Stream input,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResult> resultInfo,
        Func<TRequest, CancellationToken, Task<TResult>> runAsync,
        ILogger logger,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffered = new MemoryStream();
        await input.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
        using var scope = logger.IsEnabled(LogLevel.Information) ? logger.BeginScope(TaskLog.InvocationFields(buffered.GetBuffer().AsSpan(0, (int)buffered.Length), environment)) : null;
        buffered.Position = 0;
        Log.TaskStarted(logger);
        TResult result;
        try
        {
            var request = await ReadAsync(buffered, requestInfo, cancellationToken).ConfigureAwait(false);
            result = await runAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineException e)
        {
            // The error name is what the state's Retry and Catch match; logged here because Lambda reports it only to Step Functions.
            Log.TaskFailed(logger, e.ErrorName, e.Message);
            throw;
        }

        Log.TaskSucceeded(logger);
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
