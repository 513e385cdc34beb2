using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>Shows executions: one line each while they happen, a table at the end, or JSON.</summary>
internal static class RunSummary
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>One unwrapped line per execution, so logs and scripts can grep the whole cause.</summary>
    public static void WriteLine(IAnsiConsole console, int index, int count, ExecutionOutcome run, DateTimeOffset? at = null)
    {
        var position = (at is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z' ", CultureInfo.InvariantCulture) : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $"[{index}/{count}]");
        var m = run.Manifest;
        var line = run.Succeeded
            ? string.Create(CultureInfo.InvariantCulture,
                $"{position} SUCCEEDED {run.Key}: {m?.RowsIn} in, {m?.RowsClean} clean, {m?.RowsRejected} rejected, {m?.RowsDeduplicated} duplicate ({run.Record.StateTransitions} transitions, {run.Record.Duration?.TotalSeconds:0.00}s)")
            : $"{position} {run.Record.Status} {run.Key} at {run.FailedState ?? "?"}: {run.Result.Error}: {run.CauseLine}";
        console.Profile.Out.Writer.WriteLine(line);
    }

    public static void WriteTable(IAnsiConsole console, IReadOnlyList<ExecutionOutcome> runs)
    {
        var table = new Table().RoundedBorder().Title("Executions");
        table.AddColumn(new TableColumn("Object").NoWrap());
        table.AddColumn(new TableColumn("Status").NoWrap());
        foreach (var header in new[] { "In", "Clean", "Rejected", "Dupes" })
        {
            table.AddColumn(new TableColumn(header).RightAligned().NoWrap());
        }

        table.AddColumn(new TableColumn("Rules").NoWrap());
        table.AddColumn(new TableColumn("Transitions").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("s").RightAligned().NoWrap());
        foreach (var run in runs)
        {
            var m = run.Manifest;
            var rules = run.Result.Output?["validation"]?["rules"] as JsonArray;
            table.AddRow(
                Markup.Escape(Path.GetFileName(run.Key)),
                run.Succeeded ? "[green]SUCCEEDED[/]" : $"[red]{run.Record.Status} at {Markup.Escape(run.FailedState ?? "?")}[/]",
                Number(m?.RowsIn),
                Number(m?.RowsClean),
                Number(m?.RowsRejected),
                Number(m?.RowsDeduplicated),
                rules is null ? "-" : $"{rules.Count(r => (long?)r?["offending"] == 0)}/{rules.Count}",
                run.Record.StateTransitions.ToString(CultureInfo.InvariantCulture),
                (run.Record.Duration?.TotalSeconds ?? 0).ToString("0.00", CultureInfo.InvariantCulture));
        }

        var manifests = runs.Select(r => r.Manifest).OfType<Core.Runs.RunManifestSummary>().ToList();
        table.AddRow(
            "[bold]total[/]",
            $"{runs.Count(r => r.Succeeded)}/{runs.Count}",
            Number(manifests.Sum(m => m.RowsIn)),
            Number(manifests.Sum(m => m.RowsClean)),
            Number(manifests.Sum(m => m.RowsRejected)),
            Number(manifests.Sum(m => m.RowsDeduplicated)),
            string.Empty,
            runs.Sum(r => r.Record.StateTransitions).ToString(CultureInfo.InvariantCulture),
            runs.Sum(r => r.Record.Duration?.TotalSeconds ?? 0).ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    /// <summary>The executions as a JSON array: key, execution, status, failed state, error, cause, output.</summary>
    public static string Json(IReadOnlyList<ExecutionOutcome> runs) =>
        new JsonArray([.. runs.Select(run => (JsonNode)new JsonObject
        {
            ["key"] = run.Key,
            ["executionArn"] = run.Record.ExecutionId,
            ["name"] = run.Record.Name,
            ["status"] = run.Record.Status,
            ["failedState"] = run.FailedState,
            ["error"] = run.Result.Error,
            ["cause"] = run.Result.Cause,
            ["stateTransitions"] = run.Record.StateTransitions,
            ["output"] = run.Result.Output?.DeepClone(),
        })]).ToJsonString(Indented);

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
