namespace PurchasePipeline.States.Tests.Support;

/// <summary>Collects the history events of an execution.</summary>
internal sealed class RecordingListener : IExecutionListener
{
    private readonly List<HistoryEvent> events = [];

    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            lock (events)
            {
                return events.ToList();
            }
        }
    }

    public void OnEvent(HistoryEvent historyEvent)
    {
        lock (events)
        {
            events.Add(historyEvent);
        }
    }

    public IReadOnlyList<HistoryEvent> OfType(HistoryEventType type) => Events.Where(e => e.Type == type).ToList();
}
