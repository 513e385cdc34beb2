using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Execution;

/// <summary>The Task state: effective input, the call through the invoker, then result processing.</summary>
internal sealed partial class MachineRunner
{
    private const string WaitForTaskToken = ".waitForTaskToken";

    private async Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? input, StateVisit visit, CancellationToken cancellationToken)
    {
        var token = state.Resource.EndsWith(WaitForTaskToken, StringComparison.Ordinal) ? NewTaskToken() : null;
        var context = run.Context(visit, token);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        if (state.Parameters is { } parameters)
        {
            effective = DataFlow.Evaluate(parameters, effective, context);
        }

        PayloadLimit.Check(effective, $"The input of task '{state.Name}'");
        var timeout = Seconds(state.TimeoutSeconds, state.TimeoutSecondsPath, input, context, state.Name, "TimeoutSecondsPath");
        var heartbeat = Seconds(state.HeartbeatSeconds, state.HeartbeatSecondsPath, input, context, state.Name, "HeartbeatSecondsPath");
        run.Emit(HistoryEventType.TaskScheduled, state.Name, effective);
        var invocation = new TaskInvocation(state.Name, state.Resource, effective, context, visit.RetryCount);
        JsonNode? result;
        try
        {
            result = await InvokeAsync(invocation, timeout, heartbeat, cancellationToken).ConfigureAwait(false);
            PayloadLimit.Check(result, $"The result of task '{state.Name}'");
        }
        catch (StatesError error)
        {
            run.Emit(HistoryEventType.TaskFailed, state.Name, error: error.Error, cause: error.Cause);
            throw;
        }

        run.Emit(HistoryEventType.TaskSucceeded, state.Name, result);
        return DataFlow.Finish(state, input, result, context);
    }

    /// <summary>A TimeoutSeconds or HeartbeatSeconds, written or read from the state input by its *Path.</summary>
    private static int? Seconds(int? seconds, JsonPath? path, JsonNode? input, JsonNode context, string stateName, string field)
    {
        if (path is null)
        {
            return seconds;
        }

        return path.TrySelect(input, context, out var value) && JsonValues.TryGetInteger(value, out var count) && count is > 0 and <= int.MaxValue
            ? (int)count
            : throw new StatesError(ErrorNames.Runtime, $"The {field} '{path}' of state '{stateName}' must select a positive integer in '{JsonValues.ToJson(input)}'");
    }

    private static string NewTaskToken() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
}
