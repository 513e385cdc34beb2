using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>executions list|show</c>: local executions, like the Step Functions console shows them.</summary>
internal static class ExecutionsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string[] Headers = ["Name", "Status", "Object", "Started (UTC)", "Duration", "Transitions", "Error", "Rerun of"];

    public static Command Create(CliContext context)
    {
        var command = new Command("executions", "List and inspect executions (local, or the deployed state machine's with --aws)").With(
            "purchase-pipeline executions list",
            "purchase-pipeline executions show 20261125T120000Z-1a2b3c4d");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var aws = new Option<bool>("--aws") { Description = "The deployed state machine's executions (ListExecutions) instead of the local ones" };
        var stateMachineArn = new Option<string?>("--state-machine-arn") { Description = "With --aws: the state machine (stack output StateMachineArn)" };
        var status = new Option<string?>("--status") { Description = "Only executions with this status" };
        status.AcceptOnlyFromAmong(AwsExecutions.Statuses);
        var max = new Option<int>("--max") { Description = "With --aws: at most this many (newest first)", DefaultValueFactory = _ => 50 };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max must be at least 1");
            }
        });
        var command = new Command("list", "Executions, newest first") { json, aws, stateMachineArn, status, max }.With(
            "purchase-pipeline executions list --status FAILED",
            "purchase-pipeline executions list --json",
            "purchase-pipeline executions list --aws --state-machine-arn arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline --max 20");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(aws))
            {
                return await AwsExecutions.ListAsync(context, parse.GetValue(stateMachineArn), parse.GetValue(status), parse.GetValue(max), parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            }

            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var store = new ExecutionStore(home);
            var executions = store.List(status: parse.GetValue(status));
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(new JsonArray([.. executions.Select(e => (JsonNode)Summary(e))]).ToJsonString(Indented));
                return ExitCodes.Ok;
            }

            var table = new Table().RoundedBorder();
            foreach (var header in Headers)
            {
                table.AddColumn(new TableColumn(header).NoWrap());
            }

            foreach (var e in executions)
            {
                table.AddRow(
                    Markup.Escape(e.Name),
                    StatusMarkup(e.Status),
                    Markup.Escape(e.ObjectKey ?? "-"),
                    e.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Seconds(e.Duration),
                    e.StateTransitions.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.Error ?? string.Empty),
                    Markup.Escape(e.RerunOf is { } original ? NameOf(original) : string.Empty));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The whole manifest the run committed to the local lake (with its files and partitions), or the summary
    /// the execution's output carries (a run on the AWS plane committed its manifest to S3).
    /// </summary>
    private static JsonNode? Manifest(LocalHome home, JsonNode? summary)
    {
        var path = (string?)summary?["run_id"] is { } runId ? Path.Combine(home.Manifests, runId + ".json") : null;
        return path is not null && File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : summary?.DeepClone();
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Execution name or ARN (a unique prefix is enough)" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var aws = new Option<bool>("--aws") { Description = "An execution of the deployed state machine (DescribeExecution) instead of a local one" };
        var stateMachineArn = new Option<string?>("--state-machine-arn") { Description = "With --aws: the state machine (stack output StateMachineArn)" };
        var states = new Option<bool>("--states") { Description = "Each state entered, with its input and output" };
        var command = new Command("show", "One execution: object, status, duration, states visited, error, cause, manifest, and its graph") { id, json, aws, stateMachineArn, states }.With(
            "purchase-pipeline executions show 20261125T120000Z-1a2b3c4d",
            "purchase-pipeline executions show 20261125T12 --states",
            "purchase-pipeline executions show 20261125T120000Z-1a2b3c4d --aws --state-machine-arn arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(aws))
            {
                return await AwsExecutions.ShowAsync(context, parse.GetValue(id)!, parse.GetValue(stateMachineArn), parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            }

            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var store = new ExecutionStore(home);
            if (Find(context, store, parse.GetValue(id)!) is not { } execution)
            {
                return ExitCodes.BadInput;
            }

            var events = store.Events(execution.ExecutionId);
            var detail = Summary(execution);
            detail["input"] = Parse(execution.Input);
            detail["output"] = Parse(execution.Output);
            detail["manifest"] = Manifest(home, Parse(execution.Output)?["job"]?["manifest"]);
            detail["reruns"] = new JsonArray([.. store.RerunsOf(execution.ExecutionId).Select(r => (JsonNode)JsonValue.Create(r.ExecutionId))]);
            var notRedrivable = ExecutionStore.WhyNotRedrivable(execution, events.Count, context.Time.GetUtcNow());
            detail["redriveStatus"] = notRedrivable is null ? "REDRIVABLE" : "NOT_REDRIVABLE";
            detail["redriveStatusReason"] = notRedrivable;
            detail["states"] = new JsonArray([.. events.Where(e => e.Type == "StateEntered").Select(e => (JsonNode)JsonValue.Create(e.StateName)!)]);
            detail["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
            {
                ["sequence"] = e.Sequence,
                ["type"] = e.Type,
                ["timestamp"] = e.Timestamp,
                ["state"] = e.StateName,
                ["payload"] = Parse(e.Payload),
                ["error"] = e.Error,
                ["cause"] = e.Cause,
            })]);
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(detail.ToJsonString(Indented));
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Execution", Markup.Escape(execution.ExecutionId));
            grid.AddRow("Status", StatusMarkup(execution.Status));
            grid.AddRow("Object", Markup.Escape(execution.ObjectKey ?? "-"));
            grid.AddRow("Started", execution.StartedAt.ToString("u", CultureInfo.InvariantCulture));
            grid.AddRow("Duration", Seconds(execution.Duration));
            if (execution.RerunOf is { } original)
            {
                grid.AddRow("Rerun of", Markup.Escape(NameOf(original)));
            }

            if (detail["reruns"]!.AsArray().Count > 0)
            {
                grid.AddRow("Reruns", Markup.Escape(string.Join(", ", detail["reruns"]!.AsArray().Select(r => NameOf((string)r!)))));
            }

            if (execution.RedriveDate is { } redriven)
            {
                grid.AddRow("Redrives", Markup.Escape($"{execution.RedriveCount}, last {redriven.ToString("u", CultureInfo.InvariantCulture)}"));
            }

            grid.AddRow("Redrive", Markup.Escape(notRedrivable is null ? $"REDRIVABLE: purchase-pipeline rerun {execution.Name} --redrive" : $"NOT_REDRIVABLE: {notRedrivable}"));
            grid.AddRow("Transitions", execution.StateTransitions.ToString(CultureInfo.InvariantCulture));
            grid.AddRow("States", Markup.Escape(string.Join(" → ", detail["states"]!.AsArray().Select(s => (string?)s))));
            if (execution.Error is not null)
            {
                grid.AddRow("Error", "[red]" + Markup.Escape(execution.Error) + "[/]");
                grid.AddRow("Cause", Markup.Escape(execution.Cause ?? string.Empty));
            }

            if (detail["manifest"] is JsonNode manifest)
            {
                grid.AddRow("Manifest", Markup.Escape(ManifestLine(manifest)));
            }

            grid.AddRow("Graph", Markup.Escape(WriteGraph(home, store, execution)));
            context.Console.Write(grid);
            if (parse.GetValue(states))
            {
                context.Console.Write(StatesTable(events));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The execution or executions <paramref name="id"/> names; when none, or a prefix of several, says so on
    /// stderr (the candidates on one line) and returns null.
    /// </summary>
    public static ExecutionRecord? Find(CliContext context, ExecutionStore store, string id)
    {
        var matches = store.Matches(id);
        if (matches.Count == 1)
        {
            return matches[0];
        }

        context.Error.WriteLine(matches.Count == 0
            ? $"{id}: no such execution (see `executions list`)"
            : $"{id}: ambiguous, {matches.Count} executions start with it: {string.Join(", ", matches.Select(m => m.Name))}");
        return null;
    }

    /// <summary>Writes the path the execution took beside the dashboard (dashboard/executions/NAME.svg) and returns the file's path.</summary>
    private static string WriteGraph(LocalHome home, ExecutionStore store, ExecutionRecord execution)
    {
        var file = Path.Combine(Path.GetDirectoryName(home.Dashboard)!, "executions", execution.Name + ".svg");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, StatesGraphCommand.Render(PipelineHost.ShippedGraph, store.PathOf(execution), "svg"));
        return file;
    }

    /// <summary>Each state entered, in order: when, for how long, its input and output (as the console's "Step details").</summary>
    private static Table StatesTable(IReadOnlyList<ExecutionEventRecord> events)
    {
        var table = new Table().RoundedBorder();
        foreach (var header in new[] { "#", "State", "Entered (UTC)", "Duration", "Input", "Output" })
        {
            table.AddColumn(header);
        }

        var step = 0;
        foreach (var (entered, i) in events.Select((e, i) => (e, i)).Where(p => p.e.Type == "StateEntered"))
        {
            var exited = events.Skip(i + 1).FirstOrDefault(e => e.Type == "StateExited" && e.StateName == entered.StateName);
            table.AddRow(
                (++step).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(entered.StateName ?? string.Empty),
                entered.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
                Seconds(exited?.Timestamp - entered.Timestamp),
                Markup.Escape(entered.Payload ?? string.Empty),
                Markup.Escape(exited?.Payload ?? "-"));
        }

        return table;
    }

    private static string Seconds(TimeSpan? duration) => duration is { } d ? d.TotalSeconds.ToString("0.00s", CultureInfo.InvariantCulture) : "-";

    /// <summary>An execution's name from its ARN (the last segment), as the console shows it.</summary>
    private static string NameOf(string executionArn) => executionArn[(executionArn.LastIndexOf(':') + 1)..];

    private static JsonObject Summary(ExecutionRecord e) => new()
    {
        ["executionArn"] = e.ExecutionId,
        ["name"] = e.Name,
        ["stateMachine"] = e.StateMachine,
        ["status"] = e.Status,
        ["startDate"] = e.StartedAt,
        ["stopDate"] = e.StoppedAt,
        ["stateTransitions"] = e.StateTransitions,
        ["error"] = e.Error,
        ["cause"] = e.Cause,
        ["objectKey"] = e.ObjectKey,
        ["rerunOf"] = e.RerunOf,
        ["redriveCount"] = e.RedriveCount,
        ["redriveDate"] = e.RedriveDate,
    };

    public static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    /// <summary>A manifest's (or its summary's) row counts on one line.</summary>
    public static string ManifestLine(JsonNode manifest) =>
        $"rows_in {manifest["rows_in"]}, clean {manifest["rows_clean"]}, rejected {manifest["rows_rejected"]}, deduplicated {manifest["rows_deduplicated"]}";

    public static string StatusMarkup(string status) => status switch
    {
        "SUCCEEDED" => "[green]SUCCEEDED[/]",
        "RUNNING" => "[blue]RUNNING[/]",
        _ => $"[red]{status}[/]",
    };
}
