using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>Reads the data-health card's executions from the local execution store.</summary>
internal static class HealthReader
{
    public static DashboardHealth Read(LocalHome home, int recent, int failedShown)
    {
        var store = new ExecutionStore(home);
        var executions = store.List(limit: recent).Select(e => Row(store, e)).ToList();
        var failed = ExecutionRow.FailedStatuses
            .SelectMany(status => store.List(limit: int.MaxValue, status: status))
            .OrderByDescending(e => e.StartedAt)
            .ToList();
        return new DashboardHealth(executions, [.. failed.Take(failedShown).Select(e => Row(store, e))], failed.Count);
    }

    private static ExecutionRow Row(ExecutionStore store, ExecutionRecord execution)
    {
        var state = StateOf(store, execution);
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
    /// The execution's state document: its output once it succeeded, else the input of the last state it entered
    /// (a running execution refreshing this page, or a failed one, has no output).
    /// </summary>
    private static JsonObject? StateOf(ExecutionStore store, ExecutionRecord execution)
    {
        if (Parse(execution.Output) is { } output)
        {
            return output;
        }

        return store.Events(execution.ExecutionId)
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
