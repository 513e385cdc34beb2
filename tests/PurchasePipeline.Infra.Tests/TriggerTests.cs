using System.Text.Json.Nodes;
using PurchasePipeline.Infra.Tests.Support;
using PurchasePipeline.Infra.Workflow;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed class TriggerTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private JsonObject Rule => shared.Json.Resources("AWS::Events::Rule").Select(r => r.Properties).Single(r => (string?)r["EventPattern"]!["source"]![0] == "aws.s3");

    [Fact]
    public void EventPattern_IsTheFileWithTheBucketNameFilledIn()
    {
        var bucket = shared.Stack.LogicalId(shared.Stack.Storage.Bucket);
        var expected = File.ReadAllText(Synth.Files.EventPattern)
            .Replace("\"" + ObjectCreatedTrigger.BucketNamePlaceholder + "\"", $"{{\"Ref\":\"{bucket}\"}}", StringComparison.Ordinal);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), Rule["EventPattern"]), Rule["EventPattern"]!.ToJsonString());
    }

    [Fact]
    public void Target_IsTheStateMachine_WithARoleRetriesAndADeadLetterQueue()
    {
        var target = Assert.Single(Rule["Targets"]!.AsArray())!;

        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Workflow.StateMachine), (string?)target["Arn"]!["Ref"]);
        Assert.NotNull(target["RoleArn"]);
        Assert.Equal(10, (int)target["RetryPolicy"]!["MaximumRetryAttempts"]!);
        Assert.Equal(7200, (int)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Trigger.DeadLetterQueue), (string?)target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void DeadLetterQueue_IsEncrypted_AndTlsOnly()
    {
        var queue = shared.Json.Single("AWS::SQS::Queue");
        var policy = shared.Json.Single("AWS::SQS::QueuePolicy");

        Assert.True((bool)queue["SqsManagedSseEnabled"]!);
        Assert.Contains(policy["PolicyDocument"]!["Statement"]!.AsArray(), statement =>
            (string?)statement!["Effect"] == "Deny" && statement["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false");
    }

    [Fact]
    public void PatternOf_AnUnknownPlaceholder_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => ObjectCreatedTrigger.PatternOf("""{"source":["${Other}"]}""", "bucket"));

        Assert.Contains("${Other}", error.Message, StringComparison.Ordinal);
    }
}
