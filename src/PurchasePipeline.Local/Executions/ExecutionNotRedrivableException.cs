namespace PurchasePipeline.Local.Executions;

/// <summary>
/// RedriveExecution's ExecutionNotRedrivable: the execution cannot be redriven, with the reason in the
/// words of DescribeExecution's redriveStatusReason where Step Functions has one.
/// </summary>
public sealed class ExecutionNotRedrivableException(string message) : Exception(message);
