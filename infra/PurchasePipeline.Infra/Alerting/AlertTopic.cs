using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace PurchasePipeline.Infra.Alerting;

/// <summary>
/// The SNS topic that pages on-call: the execution alert rule (EventBridge) and the CloudWatch alarms publish
/// to it. Encrypted with its own KMS key, because neither service can publish to a topic under the AWS-managed
/// SNS key.
/// </summary>
public sealed class AlertTopic : Construct
{
    public AlertTopic(Construct scope, string id, AlertTopicProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = "purchase-pipeline alert topic",
            EnableKeyRotation = true,
        });
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsPublish",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
            },
        }));

        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EventBridgeRulesPublish",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
            },
        }));
        Topic = new Topic(this, "Topic", new TopicProps
        {
            DisplayName = "purchase-pipeline alerts",
            MasterKey = Key,
        });
        // Written out: Amazon.CDK.Lib 2.160.0's EnforceSSL on a topic emits no policy unless something else adds one,
        // and covers sns:Publish only. Plain HTTP is refused for every action a topic policy can name (subscribing,
        // reading or changing attributes and permissions, deleting), not only for publishing.
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyWithoutTls",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = TopicPolicyActions,
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));
        if (props.AlertEmail is not null)
        {
            Topic.AddSubscription(new EmailSubscription(props.AlertEmail));
        }
    }

    /// <summary>
    /// Every action an SNS topic policy can name ("Valid Amazon SNS policy actions", Amazon SNS developer guide,
    /// sns-access-policy-language-api-permissions-reference): written out rather than "sns:*", the form that
    /// page documents.
    /// </summary>
    private static readonly string[] TopicPolicyActions =
    [
        "sns:AddPermission", "sns:DeleteTopic", "sns:GetDataProtectionPolicy", "sns:GetTopicAttributes",
        "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource", "sns:Publish", "sns:PutDataProtectionPolicy",
        "sns:RemovePermission", "sns:SetTopicAttributes", "sns:Subscribe",
    ];

    public Topic Topic { get; }

    /// <summary>Publishers need kms:GenerateDataKey and kms:Decrypt on it.</summary>
    public Key Key { get; }

    /// <summary>sns:Publish on the topic and the key use that goes with it, with no wildcard actions.</summary>
    public PolicyStatement[] PublishStatements() =>
    [
        new(new PolicyStatementProps { Actions = ["sns:Publish"], Resources = [Topic.TopicArn] }),
        new(new PolicyStatementProps { Actions = ["kms:Decrypt", "kms:GenerateDataKey"], Resources = [Key.KeyArn] }),
    ];
}
