using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.States;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// Binds Task resources to in-process code: Lambda ARNs to the same handlers the Lambdas run (JSON
/// stream in, JSON stream out), and arn:aws:states:::sns:publish to the alert sink (alerts/, and the real
/// topic on the aws plane). A handler's typed error becomes the task error the state's Retry and Catch
/// name, with a Lambda-shaped cause.
/// </summary>
internal sealed class LocalTaskInvoker(IReadOnlyDictionary<string, Func<Stream, CancellationToken, Task<Stream>>> functions, AlertSink alerts) : ITaskInvoker
{
    public const string SnsPublish = "arn:aws:states:::sns:publish";

    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Resource == SnsPublish)
        {
            return await alerts.PublishAsync(invocation.Parameters, cancellationToken).ConfigureAwait(false);
        }

        if (!functions.TryGetValue(invocation.Resource, out var handler))
        {
            throw new TaskFailedException("States.TaskFailed", $"no local function is bound to {invocation.Resource}");
        }

        var payload = new MemoryStream(Encoding.UTF8.GetBytes(invocation.Parameters?.ToJsonString() ?? "null"));
        try
        {
            await using var result = await handler(payload, cancellationToken).ConfigureAwait(false);
            return await JsonNode.ParseAsync(result, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineException e)
        {
            throw Failed(e.ErrorName, e);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or InvalidDataException)
        {
            throw Failed(e.GetType().Name, e);
        }
    }

    /// <summary>The error as Lambda reports an unhandled exception: its type name, and a JSON cause.</summary>
    private static TaskFailedException Failed(string error, Exception e) =>
        new(error, new JsonObject { ["errorMessage"] = e.Message, ["errorType"] = e.GetType().Name }.ToJsonString());
}
