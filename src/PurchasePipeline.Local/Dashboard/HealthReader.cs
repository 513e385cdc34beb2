using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Reads the data-health card's executions from the local execution store: one listing of the newest executions,
/// the history of the recent ones that failed, and the path of the last one that ended (the machine's section), all
/// with the store opened once (each opening costs a DuckDB instance and a checkpoint).
/// </summary>
internal static class HealthReader
{
    public static DashboardHealth Read(LocalHome home, int recent, int failedShown, int considered)
    {
        var store = new ExecutionStore(home);
        using var held = store.Hold();
        var newest = store.List(limit: considered);
        var executions = newest.Take(recent).Select(e => Row(store, e)).ToList();
        var failed = newest.Where(e => ExecutionRow.FailedStatuses.Contains(e.Status)).ToList();
        var last = newest.FirstOrDefault(e => e.Status != "RUNNING");
        return new DashboardHealth(
            executions,
            [.. failed.Take(failedShown).Select(e => executions.Find(r => r.Name == e.Name) ?? Row(e, state: null))],
            failed.Count,
            newest.Count)
        {
            LastFinished = last,
            LastFinishedPath = last is null ? null : store.PathOf(last),
        };
    }

    private static ExecutionRow Row(ExecutionStore store, ExecutionRecord execution) => Row(execution, StateOf(store, execution));

    private static ExecutionRow Row(ExecutionRecord execution, JsonObject? state)
    {
        var rules = state?["validation"]?["rules"] is JsonArray array
            ? array.OfType<JsonObject>()
                .Select(r => new RuleResultRow((string?)r["rule"] ?? "?", (long?)r["offending"] ?? 0))
                .ToList()
            : null;
        return new ExecutionRow(
            execution.Name,
            execution.ObjectKey,
            execution.Status,
            execution.StartedAt,
            execution.Duration,
            (string?)state?["job"]?["jobRunId"],
            execution.Error,
            execution.Cause,
            rules);
    }

    /// <summary>
    /// The execution's state document: its output once it succeeded, else, for one that failed, the input of the
    /// last state it entered. A running execution (the one refreshing this page) records its history when it ends.
    /// </summary>
    private static JsonObject? StateOf(ExecutionStore store, ExecutionRecord execution)
    {
        if (Parse(execution.Output) is { } output)
        {
            return output;
        }

        return !ExecutionRow.FailedStatuses.Contains(execution.Status)
            ? null
            : store.Events(execution.ExecutionId)
                .Where(e => e.Type == "StateEntered")
                .Select(e => Parse(e.Payload))
                .LastOrDefault(p => p is not null);
    }

    private static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
