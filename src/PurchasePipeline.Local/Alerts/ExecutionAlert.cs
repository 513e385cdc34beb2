using System.Text.Json.Nodes;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Alerts;

/// <summary>
/// The local plane's side of statemachine/alert-rule.json: the "Step Functions Execution Status Change"
/// event an execution's end raises in AWS, matched against the rule's pattern and turned into the alert's
/// message by its input transformer, so a local alert says what the deployed one says. Every end that the
/// rule matches (FAILED, TIMED_OUT, ABORTED, the first run's and each redrive's) pages once.
/// </summary>
public static class ExecutionAlert
{
    private static readonly Lazy<string> RuleText = new(() =>
    {
        using var stream = typeof(ExecutionAlert).Assembly.GetManifestResourceStream("alert-rule.json")
            ?? throw new InvalidOperationException("alert-rule.json is not embedded in PurchasePipeline.Local");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// The event Step Functions sends to EventBridge when the execution reaches its status: the detail is
    /// what DescribeExecution returns (the shape of the examples in the Step Functions developer guide,
    /// "Execution Status Change").
    /// </summary>
    public static JsonObject StatusChangeEvent(ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var arn = execution.ExecutionId.Split(':');
        var stateMachineArn = StateMachineArnOf(execution.ExecutionId);
        var time = execution.StoppedAt ?? execution.StartedAt;
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "Step Functions Execution Status Change",
            ["source"] = "aws.states",
            ["account"] = arn.Length > 4 ? arn[4] : string.Empty,
            ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["region"] = arn.Length > 3 ? arn[3] : string.Empty,
            ["resources"] = new JsonArray(execution.ExecutionId),
            ["detail"] = new JsonObject
            {
                ["executionArn"] = execution.ExecutionId,
                ["stateMachineArn"] = stateMachineArn,
                ["name"] = execution.Name,
                ["status"] = execution.Status,
                ["startDate"] = execution.StartedAt.ToUnixTimeMilliseconds(),
                ["stopDate"] = execution.StoppedAt?.ToUnixTimeMilliseconds(),
                ["input"] = execution.Input,
                ["inputDetails"] = new JsonObject { ["included"] = true },
                ["output"] = execution.Status == "SUCCEEDED" ? execution.Output : null,
                ["outputDetails"] = execution.Status == "SUCCEEDED" ? new JsonObject { ["included"] = true } : null,
                ["error"] = execution.Error,
                ["cause"] = execution.Cause,
                ["redriveCount"] = execution.RedriveCount,
                ["redriveDate"] = execution.RedriveDate?.ToUnixTimeMilliseconds(),
                ["redriveStatus"] = execution.Status is "FAILED" or "TIMED_OUT" or "ABORTED" ? "REDRIVABLE" : "NOT_REDRIVABLE",
                ["redriveStatusReason"] = null,
            },
        };
    }

    /// <summary>The alert's message for the execution as it is now, or null when the rule does not page for it (it succeeded or runs).</summary>
    public static string? MessageFor(ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return AlertRule.Parse(RuleText.Value, StateMachineArnOf(execution.ExecutionId)).MessageFor(StatusChangeEvent(execution));
    }

    /// <summary>Writes the execution's alert to alerts/ when the rule pages for it; returns the message, or null.</summary>
    public static string? Publish(LocalHome home, ExecutionRecord execution, DateTimeOffset now)
    {
        var message = MessageFor(execution);
        if (message is not null)
        {
            AlertFolder.Write(home, now, Guid.NewGuid().ToString(), AlertFolder.TopicArn, null, message);
        }

        return message;
    }

    /// <summary>arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME → arn:aws:states:REGION:ACCOUNT:stateMachine:MACHINE.</summary>
    private static string StateMachineArnOf(string executionArn)
    {
        var parts = executionArn.Split(':');
        return parts.Length >= 8 ? string.Join(':', parts[..5]) + ":stateMachine:" + parts[6] : executionArn;
    }
}
