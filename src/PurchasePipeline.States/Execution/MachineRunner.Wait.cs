using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Execution;

/// <summary>The Wait state: a delay on the engine's TimeProvider, scaled by WaitScale.</summary>
internal sealed partial class MachineRunner
{
    private async Task<StateStep> RunWaitAsync(WaitState state, JsonNode? input, StateVisit visit, CancellationToken cancellationToken)
    {
        var context = run.Context(visit);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        var delay = WaitDelay(state, effective, context);
        var until = run.Time.GetUtcNow() + delay;
        run.Emit(HistoryEventType.WaitStarted, state.Name, new JsonObject
        {
            ["seconds"] = delay.TotalSeconds,
            ["until"] = Timestamps.Format(until),
        });
        await run.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        return new StateStep(DataFlow.ApplyOutputPath(state.OutputPath, effective, context), state.Next);
    }

    private TimeSpan WaitDelay(WaitState state, JsonNode? input, JsonNode context)
    {
        if (state.Seconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (state.SecondsPath is { } secondsPath)
        {
            return secondsPath.TrySelect(input, context, out var value) && JsonValues.TryGetInteger(value, out var count) && count >= 0
                ? TimeSpan.FromSeconds(count)
                : throw new StatesError(ErrorNames.Runtime, $"The SecondsPath '{secondsPath}' of state '{state.Name}' must select a non-negative integer in '{JsonValues.ToJson(input)}'");
        }

        DateTimeOffset until;
        if (state.Timestamp is { } timestamp)
        {
            until = timestamp;
        }
        else
        {
            var path = state.TimestampPath!;
            until = path.TrySelect(input, context, out var value) && JsonValues.TryGetString(value, out var text) && Timestamps.TryParse(text, out var parsed)
                ? parsed
                : throw new StatesError(ErrorNames.Runtime, string.Create(CultureInfo.InvariantCulture, $"The TimestampPath '{path}' of state '{state.Name}' must select an RFC 3339 timestamp in '{JsonValues.ToJson(input)}'"));
        }

        var remaining = until - run.Time.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}
