using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using PurchasePipeline.Functions;
using PurchasePipeline.Infra.Security;
using PurchasePipeline.Infra.Settings;

namespace PurchasePipeline.Infra.Workflow;

/// <summary>
/// The state machine: statemachine/purchase-pipeline.asl.json as it is, its ${Placeholders} filled by
/// DefinitionSubstitutions (<see cref="Substitutions"/>). The definition's own TimeoutSeconds bounds an
/// execution. Logs every event without its data, traces with X-Ray.
/// </summary>
/// <remarks>
/// Execution data (inputs, outputs, errors' causes) stays out of the log group: it is in the execution
/// history, which Step Functions encrypts and keeps 90 days (the console and <c>executions show --aws</c> read
/// it), and the alert carries a failure's cause. Logging it would need the log group under a KMS key of ours,
/// and whether Step Functions' log delivery writes to such a group is unverified without an account
/// (infra/README.md, "State machine logs").
/// </remarks>
public sealed class PipelineWorkflow : Construct
{
    public PipelineWorkflow(Construct scope, string id, PipelineWorkflowProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Definition = File.ReadAllText(props.Files.Definition);
        CheckPollBudget(props);
        Substitutions = SubstitutionsOf(props);

        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = RetentionDays.THREE_MONTHS,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        StateMachine = new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromString(Definition),
            DefinitionSubstitutions = new Dictionary<string, string>(Substitutions),
            TracingEnabled = true,
            Logs = new LogOptions { Destination = logs, Level = LogLevel.ALL, IncludeExecutionData = false },
        });

        // Exactly the eight functions (not their versions or aliases); the definition publishes no alert itself (ExecutionAlertRule does).
        StateMachine.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "InvokeTaskFunctions",
            Actions = ["lambda:InvokeFunction"],
            Resources = [.. FunctionCatalog.All.Select(task => props.Functions[task.Name].FunctionArn)],
        }));
        Nag.Suppress(StateMachine.Role,
            ("AwsSolutions-IAM5", "Resource '*' only where the service allows nothing else: CloudWatch Logs delivery (logs:CreateLogDelivery and friends) and X-Ray (xray:PutTraceSegments and friends), added by the CDK for logging and tracing."));
    }

    /// <summary>The definition text, exactly as in the file.</summary>
    public string Definition { get; }

    /// <summary>Every placeholder of the definition and its value.</summary>
    public IReadOnlyDictionary<string, string> Substitutions { get; }

    public StateMachine StateMachine { get; }

    /// <exception cref="InfraSettingsException">The poll settings would let the execution time out before a poll limit pages on-call.</exception>
    private void CheckPollBudget(PipelineWorkflowProps props)
    {
        var timeout = JsonNode.Parse(Definition)?["TimeoutSeconds"]?.GetValue<int>()
            ?? throw new InfraSettingsException($"{props.Files.Definition}: TimeoutSeconds: missing; the execution needs a time limit the poll limits stay under");
        if (props.Settings.Polls.ProblemWith(timeout) is { } problem)
        {
            throw new InfraSettingsException(
                $"invalid context: {ContextNames.MaxPolls}, {ContextNames.GlueJobTimeoutMinutes} and the poll seconds: {problem} ({props.Files.Definition})");
        }
    }

    private static Dictionary<string, string> SubstitutionsOf(PipelineWorkflowProps props)
    {
        var substitutions = new Dictionary<string, string>(props.Settings.Polls.Substitutions(), StringComparer.Ordinal)
        {
            ["CrawlerName"] = props.Catalog.CrawlerName,
            ["EtlJobName"] = props.EtlJob.JobName,
            ["QuickSightDatasetId"] = props.Settings.QuickSightDatasetId,
        };
        foreach (var task in FunctionCatalog.All)
        {
            substitutions[task.ArnPlaceholder] = props.Functions[task.Name].FunctionArn;
        }

        return substitutions;
    }
}
