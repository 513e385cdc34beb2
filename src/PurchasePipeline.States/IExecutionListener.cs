namespace PurchasePipeline.States;

/// <summary>Hears every history event of an execution, in order (to store or show them).</summary>
public interface IExecutionListener
{
    void OnEvent(HistoryEvent historyEvent);
}
