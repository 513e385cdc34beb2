namespace PurchasePipeline.Aws.StepFunctions;

// The members of Step Functions' model (states 2016-11-23) the pipeline sends and reads; the model's names
// are camelCase (the context's naming policy). Timestamps are epoch seconds, as JSON 1.0 sends them.

internal sealed record StartExecutionRequest(string StateMachineArn, string? Name, string? Input);

/// <summary>A started execution.</summary>
public sealed record StartedExecution(string? ExecutionArn, double? StartDate);

internal sealed record DescribeExecutionRequest(string ExecutionArn);

/// <summary>
/// An execution as DescribeExecution reports it (status RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED,
/// PENDING_REDRIVE), with its redrives: count, last date, and whether RedriveExecution would take it now.
/// </summary>
public sealed record ExecutionDescription(
    string? ExecutionArn, string? StateMachineArn, string? Name, string? Status, double? StartDate, double? StopDate,
    string? Input, string? Output, string? Error, string? Cause)
{
    public int? RedriveCount { get; init; }

    public double? RedriveDate { get; init; }

    /// <summary>REDRIVABLE, NOT_REDRIVABLE or REDRIVABLE_BY_MAP_RUN.</summary>
    public string? RedriveStatus { get; init; }

    public string? RedriveStatusReason { get; init; }
}

internal sealed record RedriveExecutionRequest(string ExecutionArn, string? ClientToken);

/// <summary>A redriven execution: when the redrive started (epoch seconds).</summary>
public sealed record RedrivenExecution(double? RedriveDate);

internal sealed record ListExecutionsRequest(string StateMachineArn, string? StatusFilter, int? MaxResults, string? NextToken);

/// <summary>One page of ListExecutions.</summary>
public sealed record ExecutionsPage(IReadOnlyList<ExecutionListItem>? Executions, string? NextToken);

/// <summary>One execution of a ListExecutions page.</summary>
public sealed record ExecutionListItem(string? ExecutionArn, string? StateMachineArn, string? Name, string? Status, double? StartDate, double? StopDate);
