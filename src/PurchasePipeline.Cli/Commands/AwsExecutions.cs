using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Aws.StepFunctions;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>executions list --aws --state-machine-arn ARN [--status S] [--max N]</c>: the deployed state machine's
/// executions, newest first (ListExecutions, page after page until N), for on-call to find the failed ones;
/// <c>executions show NAME --aws</c> tells one (DescribeExecution); <c>rerun NAME --aws</c> runs it again.
/// </summary>
internal static class AwsExecutions
{
    /// <summary>ListExecutions' statusFilter values (the model's ExecutionStatus).</summary>
    public static readonly string[] Statuses = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];

    public static Task<int> ListAsync(CliContext context, string? stateMachineArn, string? status, int max, bool json, CancellationToken cancellationToken) =>
        StepFunctionsCommand.RunAsync(context, stateMachineArn, async (client, stateMachine) =>
        {
            List<ExecutionListItem> executions = [];
            string? nextToken = null;
            do
            {
                var page = await client.ListExecutionsAsync(stateMachine, status, nextToken, cancellationToken).ConfigureAwait(false);
                executions.AddRange(page.Executions!.Take(max - executions.Count));
                nextToken = page.NextToken;
            }
            while (nextToken is not null && executions.Count < max);

            if (json)
            {
                context.Console.Profile.Out.Writer.WriteLine(Json(executions));
            }
            else
            {
                context.Console.Write(Table(executions));
            }

            return ExitCodes.Ok;
        });

    public static Task<int> ShowAsync(CliContext context, string id, string? stateMachineArn, bool json, CancellationToken cancellationToken) =>
        StepFunctionsCommand.RunAsync(context, stateMachineArn, async (client, stateMachine) =>
        {
            var executionArn = StepFunctionsCommand.ExecutionArn(stateMachine, id);
            var execution = await client.DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
            var input = ExecutionsCommand.Parse(execution.Input);
            var output = ExecutionsCommand.Parse(execution.Output);
            var detail = new JsonObject
            {
                ["executionArn"] = execution.ExecutionArn,
                ["name"] = execution.Name,
                ["status"] = execution.Status,
                ["startDate"] = Time(execution.StartDate)?.ToString("O", CultureInfo.InvariantCulture),
                ["stopDate"] = Time(execution.StopDate)?.ToString("O", CultureInfo.InvariantCulture),
                ["error"] = execution.Error,
                ["cause"] = execution.Cause,
                ["object"] = (string?)input?["detail"]?["object"]?["key"],
                ["redriveCount"] = execution.RedriveCount,
                ["redriveDate"] = Time(execution.RedriveDate)?.ToString("O", CultureInfo.InvariantCulture),
                ["redriveStatus"] = execution.RedriveStatus,
                ["redriveStatusReason"] = execution.RedriveStatusReason,
                ["manifest"] = output?["job"]?["manifest"]?.DeepClone(),
                ["input"] = input,
                ["output"] = output,
            };
            if (json)
            {
                context.Console.Profile.Out.Writer.WriteLine(detail.ToJsonString(new() { WriteIndented = true }));
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Execution", Markup.Escape(execution.ExecutionArn ?? executionArn));
            grid.AddRow("Status", ExecutionsCommand.StatusMarkup(execution.Status ?? "?"));
            grid.AddRow("Object", Markup.Escape((string?)detail["object"] ?? "-"));
            grid.AddRow("Started (UTC)", Markup.Escape(Time(execution.StartDate)?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-"));
            if (execution.Error is not null)
            {
                grid.AddRow("Error", "[red]" + Markup.Escape(execution.Error) + "[/]");
                grid.AddRow("Cause", Markup.Escape(execution.Cause ?? string.Empty));
            }

            if (execution.RedriveCount is > 0)
            {
                grid.AddRow("Redrives", Markup.Escape($"{execution.RedriveCount}, last {Time(execution.RedriveDate)?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}"));
            }

            if (execution.RedriveStatus is { } redriveStatus)
            {
                grid.AddRow("Redrive", Markup.Escape(execution.RedriveStatusReason is { } reason ? $"{redriveStatus}: {reason}" : redriveStatus));
            }

            if (detail["manifest"] is JsonObject manifest)
            {
                grid.AddRow("Manifest", Markup.Escape(ExecutionsCommand.ManifestLine(manifest)));
            }

            context.Console.Write(grid);
            return ExitCodes.Ok;
        });

    private static string Json(IEnumerable<ExecutionListItem> executions) =>
        new JsonArray([.. executions.Select(e => (JsonNode)new JsonObject
        {
            ["name"] = e.Name,
            ["executionArn"] = e.ExecutionArn,
            ["status"] = e.Status,
            ["startDate"] = Time(e.StartDate)?.ToString("O", CultureInfo.InvariantCulture),
            ["stopDate"] = Time(e.StopDate)?.ToString("O", CultureInfo.InvariantCulture),
        })]).ToJsonString(new() { WriteIndented = true });

    private static Table Table(IEnumerable<ExecutionListItem> executions)
    {
        var table = new Table().RoundedBorder();
        foreach (var header in new[] { "Name", "Status", "Started (UTC)", "Duration" })
        {
            table.AddColumn(new TableColumn(header).NoWrap());
        }

        foreach (var e in executions)
        {
            var (start, stop) = (Time(e.StartDate), Time(e.StopDate));
            table.AddRow(
                Markup.Escape(e.Name ?? string.Empty),
                ExecutionsCommand.StatusMarkup(e.Status ?? "?"),
                start?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
                start is { } s && stop is { } t ? (t - s).TotalSeconds.ToString("0.00s", CultureInfo.InvariantCulture) : "-");
        }

        return table;
    }

    /// <summary>JSON 1.0 timestamps are epoch seconds.</summary>
    private static DateTimeOffset? Time(double? epochSeconds) =>
        epochSeconds is { } seconds ? DateTimeOffset.UnixEpoch.AddSeconds(seconds) : null;
}
