using System.Text.Json.Nodes;

namespace PurchasePipeline.Core.Trigger;

/// <summary>
/// statemachine/alert-rule.json: the EventBridge rule that pages on-call when an execution of the pipeline
/// ends FAILED, TIMED_OUT or ABORTED ("Step Functions Execution Status Change" events), and the input
/// transformer that turns the event into the alert's message. CDK deploys it with the SNS topic as target;
/// the local plane applies it to its own executions' status changes.
/// </summary>
public sealed class AlertRule
{
    /// <summary>The placeholder of the rule's pattern: the state machine whose executions it watches.</summary>
    public const string StateMachineArnPlaceholder = "StateMachineArn";

    private AlertRule(JsonObject pattern, EventPattern matcher, InputTransformer message)
    {
        Pattern = pattern;
        Matcher = matcher;
        Message = message;
    }

    /// <summary>The pattern as written (placeholders substituted).</summary>
    public JsonObject Pattern { get; }

    public EventPattern Matcher { get; }

    public InputTransformer Message { get; }

    /// <summary>Reads the rule for the state machine <paramref name="stateMachineArn"/>.</summary>
    /// <exception cref="FormatException">The file lacks pattern, inputPathsMap or inputTemplate.</exception>
    public static AlertRule Parse(string json, string stateMachineArn)
    {
        var root = JsonNode.Parse(json.Replace("${" + StateMachineArnPlaceholder + "}", stateMachineArn, StringComparison.Ordinal)) as JsonObject
            ?? throw new FormatException("alert-rule.json: expected a JSON object");
        var pattern = root["pattern"] as JsonObject ?? throw new FormatException("alert-rule.json: $.pattern: expected an event pattern object");
        var paths = root["inputPathsMap"] as JsonObject ?? throw new FormatException("alert-rule.json: $.inputPathsMap: expected an object of name → path");
        var template = (string?)root["inputTemplate"] ?? throw new FormatException("alert-rule.json: $.inputTemplate: expected a string");
        return new AlertRule(
            pattern,
            EventPattern.Parse(pattern.ToJsonString()),
            new InputTransformer(paths.ToDictionary(p => p.Key, p => (string?)p.Value ?? throw new FormatException($"alert-rule.json: $.inputPathsMap.{p.Key}: expected a path")), template));
    }

    /// <summary>The alert's message for a status-change event, or null when the rule does not match it.</summary>
    public string? MessageFor(JsonNode statusChange) => Matcher.Matches(statusChange) ? Message.Render(statusChange) : null;
}
