using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

[Trait("Requires", "node")]
public sealed class StorageTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private JsonObject Bucket => shared.Json["Resources"]![shared.Stack.LogicalId(shared.Stack.Storage.Bucket)]!["Properties"]!.AsObject();

    [Fact]
    public void Bucket_SendsEventsToEventBridge_BlocksPublicAccess_IsEncryptedAndVersioned()
    {
        shared.Template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    new Dictionary<string, object> { ["ServerSideEncryptionByDefault"] = new Dictionary<string, object> { ["SSEAlgorithm"] = "AES256" } },
                },
            }),
        });
        Assert.NotNull(Bucket["LoggingConfiguration"]);
        // S3 notifications are set by the CDK's custom resource, not by a bucket property.
        var notifications = shared.Json.Single("Custom::S3BucketNotifications");
        Assert.Equal(shared.Stack.LogicalId(shared.Stack.Storage.Bucket), (string?)notifications["BucketName"]!["Ref"]);
        Assert.NotNull(notifications["NotificationConfiguration"]!["EventBridgeConfiguration"]);
    }

    [Fact]
    public void Bucket_ExpiresStagingAndAthenaResultsAndNoncurrentVersions()
    {
        var rules = Bucket["LifecycleConfiguration"]!["Rules"]!.AsArray();

        Assert.Equal(7, (int)rules.Single(rule => (string?)rule!["Prefix"] == LakePrefixes.Staging)!["ExpirationInDays"]!);
        Assert.Equal(7, (int)rules.Single(rule => (string?)rule!["Prefix"] == LakePrefixes.AthenaResults)!["ExpirationInDays"]!);
        Assert.Equal(30, (int)rules.Single(rule => rule!["NoncurrentVersionExpiration"] is not null)!["NoncurrentVersionExpiration"]!["NoncurrentDays"]!);
    }

    [Fact]
    public void Buckets_DenyRequestsWithoutTls()
    {
        var policies = shared.Json.Resources("AWS::S3::BucketPolicy");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.Contains(
            policy.Properties["PolicyDocument"]!["Statement"]!.AsArray(),
            statement => (string?)statement!["Effect"] == "Deny"
                && statement["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false"));
    }

    [Fact]
    public void ScratchRetentionDays_FromContext_SetsTheExpirations()
    {
        var (stack, template) = Synth.Stack(new() { ["scratchRetentionDays"] = "3" });
        var bucket = template.Json()["Resources"]![stack.LogicalId(stack.Storage.Bucket)]!["Properties"]!;

        Assert.Equal(3, (int)bucket["LifecycleConfiguration"]!["Rules"]!.AsArray().First(rule => (string?)rule!["Prefix"] == LakePrefixes.Staging)!["ExpirationInDays"]!);
    }
}
