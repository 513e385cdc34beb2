using System.Text.Json.Nodes;

namespace PurchasePipeline.States;

/// <summary>
/// Where a redrive continues an execution: the top-level state that did not finish, with the input it
/// was entered with. Per https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html
/// a redrive "continues the failed execution from the unsuccessful step and uses the same input", keeping
/// the states that succeeded: none of them runs again, and the unsuccessful one runs again as a whole (a
/// Task is called again; a Parallel or Map state runs its branches or iterations again).
/// </summary>
/// <param name="StateName">The top-level state the redrive enters first.</param>
/// <param name="Input">That state's input, as it was entered.</param>
public sealed record RedrivePoint(string StateName, JsonNode? Input)
{
    /// <summary>
    /// The point of an execution's history (every attempt's events, in order): the last top-level state
    /// entered and not exited. State names are unique in a definition (nested ones included), so a branch's
    /// states are never taken for the top level's.
    /// </summary>
    /// <returns>Null when the history enters no top-level state it did not leave (it succeeded, or holds no events).</returns>
    public static RedrivePoint? Of(StateMachine machine, IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(history);
        var topLevel = machine.StateNames.ToHashSet(StringComparer.Ordinal);
        RedrivePoint? open = null;
        foreach (var historyEvent in history.Where(e => e.StateName is not null && topLevel.Contains(e.StateName)))
        {
            open = historyEvent.Type switch
            {
                HistoryEventType.StateEntered => new RedrivePoint(historyEvent.StateName!, historyEvent.Payload),
                HistoryEventType.StateExited when open?.StateName == historyEvent.StateName => null,
                _ => open,
            };
        }

        return open;
    }
}
