using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed class AlertingTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    [Fact]
    public void Topic_IsEncryptedWithARotatedKey_AndTlsOnly()
    {
        var topic = shared.Json.Single("AWS::SNS::Topic");
        var policy = shared.Json.Single("AWS::SNS::TopicPolicy");

        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Alerts.Key), (string?)topic["KmsMasterKeyId"]!["Fn::GetAtt"]![0]);
        Assert.True((bool)shared.Json["Resources"]![shared.Stack.LogicalId(shared.Stack.Alerts.Key)]!["Properties"]!["EnableKeyRotation"]!);
        Assert.Contains(policy["PolicyDocument"]!["Statement"]!.AsArray(), statement =>
            (string?)statement!["Effect"] == "Deny" && statement["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false");
    }

    [Fact]
    public void TopicPolicy_RefusesEveryTopicActionWithoutTls()
    {
        // The actions an SNS topic policy can name: "Valid Amazon SNS policy actions" of
        // https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html.
        // cdk-nag's SNS3 (cdk-nag lib/rules/sns/SNSTopicSSLPublishOnly) asks for sns:Publish among them.
        string[] topicActions =
        [
            "sns:AddPermission", "sns:DeleteTopic", "sns:GetDataProtectionPolicy", "sns:GetTopicAttributes",
            "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource", "sns:Publish", "sns:PutDataProtectionPolicy",
            "sns:RemovePermission", "sns:SetTopicAttributes", "sns:Subscribe",
        ];
        var policy = shared.Json.Single("AWS::SNS::TopicPolicy");

        var deny = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray(), statement =>
            (string?)statement!["Effect"] == "Deny" && statement["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false")!.AsObject();
        Assert.Equal("*", (string?)deny["Principal"]!["AWS"]);
        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Alerts.Topic), (string?)Assert.Single(Policies.Resources(deny))["Ref"]);
        Assert.Equal(topicActions.Order(StringComparer.Ordinal), Policies.Actions(deny).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoAlertEmail_SubscribesNoOne()
    {
        Assert.Empty(shared.Json.Resources("AWS::SNS::Subscription"));
    }

    [Fact]
    public void AlertEmail_FromContext_IsSubscribed()
    {
        var (_, template) = Synth.Stack(new() { ["alertEmail"] = "oncall@example.com" });

        var subscription = template.Json().Single("AWS::SNS::Subscription");
        Assert.Equal("email", (string?)subscription["Protocol"]);
        Assert.Equal("oncall@example.com", (string?)subscription["Endpoint"]);
    }

    [Theory]
    [InlineData("ExecutionsFailed", "AWS/States")]
    [InlineData("ExecutionsTimedOut", "AWS/States")]
    [InlineData("ApproximateNumberOfMessagesVisible", "AWS/SQS")]
    public void Alarm_OnMetric_NotifiesTheTopic(string metric, string ns)
    {
        var alarm = Assert.Single(shared.Json.Resources("AWS::CloudWatch::Alarm"), alarm => (string?)alarm.Properties["MetricName"] == metric).Properties;

        Assert.Equal(ns, (string?)alarm["Namespace"]);
        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Alerts.Topic), (string?)Assert.Single(alarm["AlarmActions"]!.AsArray())!["Ref"]);
    }
}
