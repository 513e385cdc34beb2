using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// The call of a task through the invoker, bounded by TimeoutSeconds (States.Timeout) and by
/// HeartbeatSeconds: no heartbeat reaches a local task, so one still running when HeartbeatSeconds
/// pass has missed its heartbeat (States.HeartbeatTimeout).
/// </summary>
internal sealed partial class MachineRunner
{
    private async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, int? timeout, int? heartbeat, CancellationToken cancellationToken)
    {
        if (timeout is null && heartbeat is null)
        {
            return await CallAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        var (limit, error) = heartbeat is { } h && (timeout is not { } t || h < t)
            ? (h, ErrorNames.HeartbeatTimeout)
            : (timeout!.Value, ErrorNames.Timeout);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The deadline's timer exists before the task starts, so a task that signals it has started can be timed out.
        var deadline = Task.Delay(TimeSpan.FromSeconds(limit), run.Time, attempt.Token);
        var call = CallAsync(invocation, attempt.Token);
        var first = await Task.WhenAny(call, deadline).ConfigureAwait(false);
        await attempt.CancelAsync().ConfigureAwait(false);
        if (first == call)
        {
            return await call.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _ = call.ContinueWith(static abandoned => _ = abandoned.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var what = error == ErrorNames.Timeout ? "did not finish within its TimeoutSeconds" : "sent no heartbeat within its HeartbeatSeconds";
        throw new StatesError(error, string.Create(CultureInfo.InvariantCulture, $"The task '{invocation.StateName}' {what} ({limit})"));
    }

    /// <summary>Calls the invoker; its <see cref="TaskFailedException"/> and any other failure become errors.</summary>
    private async Task<JsonNode?> CallAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            return await run.Tasks.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskFailedException e)
        {
            throw new StatesError(e.Error, e.Cause);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of an invoker is a task failure (ITaskInvoker's contract), never an engine crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new StatesError(ErrorNames.TaskFailed, e.Message);
        }
    }
}
