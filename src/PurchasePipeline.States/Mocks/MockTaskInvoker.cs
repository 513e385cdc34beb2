using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Mocks;

/// <summary>
/// Answers Task invocations from one test case of a mock config. Each state's invocations are counted
/// per execution ($$.Execution.Id) from 0, retries, loop re-entries and Map iterations included (the guide
/// asks for MaxConcurrency 1 in Maps for that reason), and the count picks the response: Return is the task
/// result, Throw fails the task with its Error and Cause.
/// </summary>
/// <remarks>
/// Step Functions Local fails the execution when an invocation has no mocked response ("If you do not
/// specify a mocked response for a specific retry attempt ... the state machine execution will fail") and
/// calls the real service for a state the test case does not mock. Here both fail the task with
/// States.TaskFailed and a cause naming the state and test case, unless an invoker for unmocked states is given.
/// </remarks>
internal sealed class MockTaskInvoker(
    string stateMachineName,
    string testCase,
    IReadOnlyDictionary<string, MockedResponse> mocked,
    ITaskInvoker? unmocked) : ITaskInvoker
{
    private readonly Dictionary<(string Execution, string State), int> invocations = [];
    private readonly Lock gate = new();

    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<JsonNode?>(cancellationToken);
        }

        if (!mocked.TryGetValue(invocation.StateName, out var response))
        {
            return unmocked?.InvokeAsync(invocation, cancellationToken)
                ?? Fail($"state '{invocation.StateName}' has no mocked response in test case '{testCase}' of state machine '{stateMachineName}' in the mock config");
        }

        var number = NextInvocation(invocation);
        var step = response.StepFor(number);
        if (step is null)
        {
            return Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"mocked response '{response.Name}' has no entry for invocation {number} of state '{invocation.StateName}' (test case '{testCase}')"));
        }

        return step.ThrowError is { } error
            ? ValueTask.FromException<JsonNode?>(new TaskFailedException(error, step.ThrowCause))
            : ValueTask.FromResult(step.Return?.DeepClone());
    }

    private int NextInvocation(TaskInvocation invocation)
    {
        var execution = (invocation.Context as JsonObject)?["Execution"]?["Id"] is JsonValue id && id.TryGetValue<string>(out var text)
            ? text
            : string.Empty;
        lock (gate)
        {
            invocations.TryGetValue((execution, invocation.StateName), out var count);
            invocations[(execution, invocation.StateName)] = count + 1;
            return count;
        }
    }

    private static ValueTask<JsonNode?> Fail(string cause) =>
        ValueTask.FromException<JsonNode?>(new TaskFailedException("States.TaskFailed", cause));
}
