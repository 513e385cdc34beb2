using System.Text.Json.Nodes;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using PurchasePipeline.Infra.Settings;
using PurchasePipeline.Infra.Workflow;

namespace PurchasePipeline.Infra.Alerting;

/// <summary>
/// Pages on-call when an execution of the state machine ends FAILED, TIMED_OUT or ABORTED: statemachine/alert-rule.json
/// (the rule the local plane applies too) as an EventBridge rule on "Step Functions Execution Status Change" events,
/// with the alert topic as target and the file's input transformer making the message. The definition itself
/// publishes nothing, so a failed execution stays redrivable from the state that failed, and timeouts and aborts,
/// which no Catch sees, page too.
/// </summary>
public sealed class ExecutionAlertRule : Construct
{
    public ExecutionAlertRule(Construct scope, string id, RepositoryFiles files, IStateMachine stateMachine, AlertTopic alerts)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(stateMachine);
        ArgumentNullException.ThrowIfNull(alerts);
        var rule = JsonNode.Parse(File.ReadAllText(files.AlertRule))!.AsObject();
        Rule = new Rule(this, "Rule", new RuleProps
        {
            Description = "Pages on-call when a purchase-pipeline execution fails, times out or is aborted",
            EventPattern = ObjectCreatedTrigger.PatternOf(rule["pattern"]!.AsObject(), "${StateMachineArn}", stateMachine.StateMachineArn),
        });
        Rule.AddTarget(new SnsTopic(alerts.Topic));
        // The file's transformer as it is (the CDK's RuleTargetInput would rename its variables).
        var cfn = (CfnRule)Rule.Node.DefaultChild!;
        cfn.AddPropertyOverride("Targets.0.InputTransformer", new Dictionary<string, object>
        {
            ["InputPathsMap"] = rule["inputPathsMap"]!.AsObject().ToDictionary(p => p.Key, p => (object)(string)p.Value!),
            ["InputTemplate"] = (string)rule["inputTemplate"]!,
        });
    }

    public Rule Rule { get; }
}
