using System.Text.Json.Nodes;

namespace PurchasePipeline.States;

/// <summary>
/// Runs the work of Task states. The engine knows nothing of what a resource does: it passes the
/// state's effective parameters and gets a result back, or a <see cref="TaskFailedException"/> whose
/// error name the state's Retry and Catch match on.
/// </summary>
/// <remarks>
/// Implementations throw <see cref="TaskFailedException"/> for task errors; any other exception is
/// reported as <c>States.TaskFailed</c> with the exception's message as cause. The engine retries; an
/// invoker never does.
/// </remarks>
public interface ITaskInvoker
{
    /// <summary>Invokes a task and returns its result (the Task state's raw result, before ResultSelector).</summary>
    ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
