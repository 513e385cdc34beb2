using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Pipeline;
using PurchasePipeline.Core.Runs;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>Shows pipeline runs: one line each while they happen, a table at the end, or JSON.</summary>
internal static class RunSummary
{
    /// <summary>One unwrapped line per run, so logs and scripts can grep the whole cause.</summary>
    public static void WriteLine(IAnsiConsole console, int index, int count, PipelineRun run)
    {
        var position = string.Create(CultureInfo.InvariantCulture, $"[{index}/{count}]");
        var line = run.Succeeded
            ? string.Create(CultureInfo.InvariantCulture,
                $"{position} SUCCEEDED {run.Key}: {run.Manifest!.RowsIn} in, {run.Manifest.RowsClean} clean, {run.Manifest.RowsRejected} rejected, {run.Manifest.RowsDeduplicated} duplicate ({run.Duration.TotalSeconds:0.00}s)")
            : $"{position} FAILED {run.Key} at {run.FailedStage}: {run.Error}: {run.Cause}";
        console.Profile.Out.Writer.WriteLine(line);
    }

    public static void WriteTable(IAnsiConsole console, IReadOnlyList<PipelineRun> runs)
    {
        var table = new Table().RoundedBorder().Title("Pipeline runs");
        table.AddColumn(new TableColumn("Object").NoWrap());
        table.AddColumn(new TableColumn("Status").NoWrap());
        foreach (var header in new[] { "In", "Clean", "Rejected", "Dupes" })
        {
            table.AddColumn(new TableColumn(header).RightAligned().NoWrap());
        }

        table.AddColumn("Rules");
        table.AddColumn(new TableColumn("s").RightAligned().NoWrap());

        foreach (var run in runs)
        {
            var m = run.Manifest;
            table.AddRow(
                Markup.Escape(Path.GetFileName(run.Key)),
                run.Succeeded ? "[green]ok[/]" : $"[red]FAILED at {Markup.Escape(run.FailedStage!)}[/]",
                Number(m?.RowsIn),
                Number(m?.RowsClean),
                Number(m?.RowsRejected),
                Number(m?.RowsDeduplicated),
                run.Validation is null ? "-" : run.Validation.Passed ? $"[green]{run.Validation.Rules.Count}/{run.Validation.Rules.Count}[/]" : $"[red]{Markup.Escape(string.Join(", ", run.Validation.FailedRules))}[/]",
                run.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        var manifests = runs.Where(r => r.Manifest is not null).Select(r => r.Manifest!).ToList();
        table.AddRow(
            "[bold]total[/]",
            $"{runs.Count(r => r.Succeeded)}/{runs.Count}",
            Number(manifests.Sum(m => m.RowsIn)),
            Number(manifests.Sum(m => m.RowsClean)),
            Number(manifests.Sum(m => m.RowsRejected)),
            Number(manifests.Sum(m => m.RowsDeduplicated)),
            string.Empty,
            runs.Sum(r => r.Duration.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    /// <summary>The runs as a JSON array: key, status, error, cause, and the manifest.</summary>
    public static string Json(IReadOnlyList<PipelineRun> runs)
    {
        var array = new JsonArray();
        foreach (var run in runs)
        {
            array.Add(new JsonObject
            {
                ["key"] = run.Key,
                ["status"] = run.Succeeded ? "SUCCEEDED" : "FAILED",
                ["failed_state"] = run.FailedStage,
                ["error"] = run.Error,
                ["cause"] = run.Cause,
                ["manifest"] = run.Manifest is null ? null : JsonNode.Parse(RunManifestJson.Serialize(run.Manifest)),
                ["validation"] = run.Validation is null ? null : new JsonArray([.. run.Validation.Rules.Select(r => (JsonNode)new JsonObject
                {
                    ["rule"] = r.Rule,
                    ["offending"] = r.Offending,
                    ["passed"] = r.Passed,
                })]),
            });
        }

        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
