namespace PurchasePipeline.States;

/// <summary>How an execution ended (the Step Functions execution statuses).</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
