using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Tests.Support;

/// <summary>
/// A hand-written <see cref="ITaskInvoker"/>: each state answers from its script, one step per call
/// (the last step repeats), and every invocation is recorded. A state without a script returns its
/// parameters unchanged.
/// </summary>
internal sealed class ScriptedTaskInvoker : ITaskInvoker
{
    private readonly ConcurrentDictionary<string, List<Func<TaskInvocation, CancellationToken, Task<JsonNode?>>>> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TaskInvocation> invocations = new();

    /// <summary>Every call, in the order the engine made them.</summary>
    public IReadOnlyList<TaskInvocation> Invocations => invocations.ToList();

    /// <summary>Signalled when a <see cref="Hangs"/> step starts.</summary>
    public SemaphoreSlim Started { get; } = new(0);

    public IReadOnlyList<TaskInvocation> Of(string stateName) => Invocations.Where(i => i.StateName == stateName).ToList();

    public ScriptedTaskInvoker Returns(string stateName, string json) =>
        Add(stateName, (_, _) => Task.FromResult(Parse(json)));

    public ScriptedTaskInvoker Answers(string stateName, Func<TaskInvocation, JsonNode?> answer) =>
        Add(stateName, (invocation, _) => Task.FromResult(answer(invocation)));

    public ScriptedTaskInvoker Fails(string stateName, string error, string? cause = null) =>
        Add(stateName, (_, _) => Task.FromException<JsonNode?>(new TaskFailedException(error, cause)));

    public ScriptedTaskInvoker Throws(string stateName, Exception exception) =>
        Add(stateName, (_, _) => Task.FromException<JsonNode?>(exception));

    /// <summary>A call that runs until it is cancelled (a task that never finishes).</summary>
    public ScriptedTaskInvoker Hangs(string stateName) =>
        Add(stateName, async (_, cancellationToken) =>
        {
            Started.Release();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        });

    public ScriptedTaskInvoker Add(string stateName, Func<TaskInvocation, CancellationToken, Task<JsonNode?>> step)
    {
        scripts.GetOrAdd(stateName, _ => []).Add(step);
        return this;
    }

    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        invocations.Enqueue(invocation);
        var call = calls.AddOrUpdate(invocation.StateName, 0, (_, n) => n + 1);
        if (!scripts.TryGetValue(invocation.StateName, out var steps))
        {
            return ValueTask.FromResult(invocation.Parameters?.DeepClone());
        }

        return new ValueTask<JsonNode?>(steps[Math.Min(call, steps.Count - 1)](invocation, cancellationToken));
    }

    private static JsonNode? Parse(string json) => JsonNode.Parse(json);
}
