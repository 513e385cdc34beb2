using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Aws.StepFunctions;
using Spectre.Console;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>executions list --aws --state-machine-arn ARN [--status S] [--max N]</c>: the deployed state machine's
/// executions, newest first (ListExecutions, page after page until N), for on-call to find the failed ones and
/// re-run them with <c>rerun NAME --aws</c>.
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
