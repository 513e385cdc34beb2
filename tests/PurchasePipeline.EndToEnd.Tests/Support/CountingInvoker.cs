using System.Text.Json.Nodes;
using PurchasePipeline.States;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>Passes every task invocation on, recording it first.</summary>
internal sealed class CountingInvoker(ITaskInvoker inner) : ITaskInvoker
{
    private readonly List<TaskInvocation> invocations = [];

    public IReadOnlyList<TaskInvocation> Invocations
    {
        get
        {
            lock (invocations)
            {
                return [.. invocations];
            }
        }
    }

    public int CountOf(string state) => Invocations.Count(i => i.StateName == state);

    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        lock (invocations)
        {
            invocations.Add(invocation);
        }

        return inner.InvokeAsync(invocation, cancellationToken);
    }
}
