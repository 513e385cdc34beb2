using PurchasePipeline.Local.Executions;
using PurchasePipeline.States.Graph;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>What the data-health card shows: recent executions, the failed ones, and the rules they checked.</summary>
/// <param name="Executions">The most recent executions, newest first.</param>
/// <param name="FailedExecutions">Executions that ended FAILED, TIMED_OUT or ABORTED, newest first (at most <see cref="DashboardQueries.FailedShown"/>).</param>
/// <param name="FailedCount">How many of the <paramref name="Considered"/> newest executions ended FAILED, TIMED_OUT or ABORTED.</param>
/// <param name="Considered">How many of the newest executions the failed ones were counted among.</param>
internal sealed record DashboardHealth(
    IReadOnlyList<ExecutionRow> Executions,
    IReadOnlyList<ExecutionRow> FailedExecutions,
    int FailedCount,
    int Considered)
{
    public static DashboardHealth Empty { get; } = new([], [], 0, 0);

    /// <summary>The newest execution that has ended (the one refreshing the dashboard is still running), for the machine's path.</summary>
    public ExecutionRecord? LastFinished { get; init; }

    /// <summary>The path <see cref="LastFinished"/> took.</summary>
    public ExecutionPath? LastFinishedPath { get; init; }

    /// <summary>The newest execution whose validation finished, with its rules' results, if any.</summary>
    public ExecutionRow? LastValidated => Executions.FirstOrDefault(e => e.Rules is not null);
}

/// <summary>
/// One execution as the health card shows it: the object its event named (if any), its status (RUNNING, SUCCEEDED,
/// FAILED, TIMED_OUT or ABORTED), the ETL run it started once it has one, and each validation rule's offending
/// count once its validation finished.
/// </summary>
internal sealed record ExecutionRow(
    string Name,
    string? ObjectKey,
    string Status,
    DateTimeOffset StartedAt,
    TimeSpan? Duration,
    string? JobRunId,
    string? Error,
    string? Cause,
    IReadOnlyList<RuleResultRow>? Rules)
{
    /// <summary>The statuses of an execution that ended without succeeding.</summary>
    public static readonly string[] FailedStatuses = ["FAILED", "TIMED_OUT", "ABORTED"];

    public bool Failed => FailedStatuses.Contains(Status);
}

/// <summary>A validation rule's result: how many rows broke it (0 = passed).</summary>
internal sealed record RuleResultRow(string Rule, long Offending);
