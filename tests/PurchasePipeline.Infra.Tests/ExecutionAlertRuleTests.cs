using System.Text.Json.Nodes;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Infra.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// The EventBridge rule that pages on-call on an execution's FAILED, TIMED_OUT or ABORTED status
/// (statemachine/alert-rule.json), checked against a real "Step Functions Execution Status Change" event:
/// Fixtures/execution-status-change.failed.json is the "Execution Failed" example of the Step Functions developer
/// guide (awsdocs/aws-step-functions-developer-guide, doc_source/cw-events.md), whose detail "provides the same
/// information as the DescribeExecution API", with DescribeExecution's error, cause and redrive members added
/// (botocore, stepfunctions 2016-11-23 DescribeExecutionOutput).
/// </summary>
[Trait("Requires", "node")]
public sealed class ExecutionAlertRuleTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private static readonly JsonObject Sample = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("tests", "PurchasePipeline.Infra.Tests", "Fixtures", "execution-status-change.failed.json")))!.AsObject();

    private JsonObject Rule => shared.Json.Resources("AWS::Events::Rule").Select(r => r.Properties).Single(r => (string?)r["EventPattern"]!["source"]![0] == "aws.states");

    [Theory]
    [InlineData("FAILED", true)]
    [InlineData("TIMED_OUT", true)]
    [InlineData("ABORTED", true)]
    [InlineData("RUNNING", false)]
    [InlineData("SUCCEEDED", false)]
    [InlineData("PENDING_REDRIVE", false)]
    public void Pattern_StatusChangeOfThisStateMachine_MatchesExactlyTheEndsThatPage(string status, bool pages)
    {
        var sample = EventOf(Sample["detail"]!["stateMachineArn"]!.GetValue<string>(), status);

        Assert.Equal(pages, PatternFor(Sample["detail"]!["stateMachineArn"]!.GetValue<string>()).Matches(sample));
    }

    [Fact]
    public void Pattern_StatusChangeOfAnotherStateMachine_DoesNotMatch()
    {
        var sample = EventOf("arn:aws:states:us-east-1:012345678912:stateMachine:someone-elses", "FAILED");

        Assert.False(PatternFor(Sample["detail"]!["stateMachineArn"]!.GetValue<string>()).Matches(sample));
    }

    [Fact]
    public void Pattern_NamesThisStackStateMachine()
    {
        var arn = Assert.Single(Rule["EventPattern"]!["detail"]!["stateMachineArn"]!.AsArray())!;

        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Workflow.StateMachine), (string?)arn["Ref"]);
    }

    [Fact]
    public void InputTransformer_EveryPathExistsInARealEvent()
    {
        var paths = TransformerOf(Rule).PathsMap;

        Assert.All(paths, path => Assert.True(InputTransformer.TrySelect(Sample, path.Value, out _), $"{path.Key}: {path.Value} is not in the event"));
    }

    [Fact]
    public void InputTransformer_RealEvent_MessageNamesExecutionErrorCauseObjectConsoleAndRedrive()
    {
        var message = JsonNode.Parse(TransformerOf(Rule).Render(Sample))!;

        var detail = Sample["detail"]!;
        Assert.Equal((string?)detail["executionArn"], (string?)message["execution"]);
        Assert.Equal(("FAILED", "GlueJobFailed", "job run jr_1 ended FAILED: \"executor lost\""), ((string?)message["status"], (string?)message["error"], (string?)message["cause"]));
        Assert.Equal("raw/2026/11/25/purchases-0001.csv", (string?)JsonNode.Parse((string)message["input"]!)!["detail"]!["object"]!["key"]);
        Assert.Equal($"https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/{detail["executionArn"]}", (string?)message["console"]);
        Assert.Equal($"purchase-pipeline rerun execution-name --redrive --aws --state-machine-arn {detail["stateMachineArn"]}", (string?)message["redrive"]);
    }

    [Fact]
    public void Target_IsTheAlertTopic_WhoseKeyEventBridgeMayUse()
    {
        var target = Assert.Single(Rule["Targets"]!.AsArray())!;

        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Alerts.Topic), (string?)target["Arn"]!["Ref"]);
        var key = shared.Json["Resources"]![shared.Stack.LogicalId(shared.Stack.Alerts.Key)]!["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray();
        Assert.Contains(key, s => (string?)s!["Principal"]?["Service"] == "events.amazonaws.com" && Policies.Actions(s.AsObject()).Contains("kms:GenerateDataKey"));
    }

    /// <summary>The deployed pattern with its state machine reference resolved to <paramref name="stateMachineArn"/>.</summary>
    private EventPattern PatternFor(string stateMachineArn)
    {
        var pattern = Rule["EventPattern"]!.DeepClone().AsObject();
        pattern["detail"]!["stateMachineArn"] = new JsonArray(stateMachineArn);
        return EventPattern.Parse(pattern.ToJsonString());
    }

    private static JsonObject EventOf(string stateMachineArn, string status)
    {
        var sample = Sample.DeepClone().AsObject();
        sample["detail"]!["stateMachineArn"] = stateMachineArn;
        sample["detail"]!["status"] = status;
        return sample;
    }

    private static InputTransformer TransformerOf(JsonObject rule)
    {
        var transformer = rule["Targets"]![0]!["InputTransformer"]!;
        return new InputTransformer(
            transformer["InputPathsMap"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!),
            (string)transformer["InputTemplate"]!);
    }
}
