using PurchasePipeline.States;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>Collects an execution's history events.</summary>
internal sealed class RecordingListener : IExecutionListener
{
    private readonly List<HistoryEvent> events = [];

    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    /// <summary>The states entered, in order.</summary>
    public IReadOnlyList<string> StatesEntered => [.. Events.Where(e => e.Type == HistoryEventType.StateEntered).Select(e => e.StateName!)];

    public void OnEvent(HistoryEvent historyEvent)
    {
        lock (events)
        {
            events.Add(historyEvent);
        }
    }
}
