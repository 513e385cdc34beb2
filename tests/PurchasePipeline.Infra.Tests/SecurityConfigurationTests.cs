using System.Text.Json.Nodes;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>The Glue security configuration (Catalog/GlueEncryption.cs): what it encrypts, with what, and the permissions that lets it work.</summary>
[Trait("Requires", "node")]
public sealed class SecurityConfigurationTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private string KeyId => shared.Stack.LogicalId(shared.Stack.GlueEncryption.Key);

    private JsonObject Resource(string logicalId) => shared.Json["Resources"]![logicalId]!.AsObject();

    private JsonObject Encryption => shared.Json.Single("AWS::Glue::SecurityConfiguration")["EncryptionConfiguration"]!.AsObject();

    [Fact]
    public void Configuration_EncryptsLogsAndBookmarksWithTheGlueKey()
    {
        Assert.Equal("SSE-KMS", (string?)Encryption["CloudWatchEncryption"]!["CloudWatchEncryptionMode"]);
        Assert.Equal("CSE-KMS", (string?)Encryption["JobBookmarksEncryption"]!["JobBookmarksEncryptionMode"]);
        Assert.Equal(KeyArn(), Encryption["CloudWatchEncryption"]!["KmsKeyArn"]!.ToJsonString());
        Assert.Equal(KeyArn(), Encryption["JobBookmarksEncryption"]!["KmsKeyArn"]!.ToJsonString());
    }

    [Fact]
    public void Configuration_S3Encryption_IsTheLakeBucketsOwn()
    {
        var lake = Resource(shared.Stack.LogicalId(shared.Stack.Storage.Bucket))["Properties"]!;
        var bucketAlgorithm = (string?)Assert.Single(lake["BucketEncryption"]!["ServerSideEncryptionConfiguration"]!.AsArray())!
            ["ServerSideEncryptionByDefault"]!["SSEAlgorithm"];
        var s3 = Assert.Single(Encryption["S3Encryptions"]!.AsArray())!;

        // SSE-S3 is S3's AES256; a KMS bucket would need SSE-KMS with its key here.
        Assert.Equal("AES256", bucketAlgorithm);
        Assert.Equal("SSE-S3", (string?)s3["S3EncryptionMode"]);
        Assert.Null(s3["KmsKeyArn"]);
    }

    [Fact]
    public void CrawlerAndJob_RunWithTheConfiguration()
    {
        var configuration = shared.Stack.LogicalId(shared.Stack.GlueEncryption.Configuration);

        Assert.Equal(configuration, (string?)shared.Json.Single("AWS::Glue::Crawler")["CrawlerSecurityConfiguration"]!["Ref"]);
        Assert.Equal(configuration, (string?)shared.Json.Single("AWS::Glue::Job")["SecurityConfiguration"]!["Ref"]);
    }

    [Fact]
    public void Key_Rotates_AndIsKeptWhenTheStackIsDeleted()
    {
        var key = Resource(KeyId);

        Assert.True((bool)key["Properties"]!["EnableKeyRotation"]!);
        Assert.Equal("Retain", (string?)key["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)key["UpdateReplacePolicy"]);
    }

    [Fact]
    public void KeyPolicy_LetsCloudWatchLogsUseTheKey_ForGlueLogGroupsOnly()
    {
        var statements = Resource(KeyId)["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Select(statement => statement!.AsObject()).ToList();
        var logs = Assert.Single(statements, statement => statement["Principal"]?["Service"] is not null);

        Assert.Equal("Allow", (string?)logs["Effect"]);
        Assert.Equal("""{"Fn::Join":["",["logs.",{"Ref":"AWS::Region"},".amazonaws.com"]]}""", logs["Principal"]!["Service"]!.ToJsonString());
        Assert.Subset(Policies.Actions(logs).ToHashSet(), new HashSet<string> { "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey" });
        var context = logs["Condition"]!["ArnLike"]!["kms:EncryptionContext:aws:logs:arn"]!.ToJsonString();
        Assert.Contains(""":logs:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":log-group:/aws-glue/*"]""", context, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_CrawlerAndJob_UseTheKey_AndAssociateItWithGlueLogGroupsOnly()
    {
        foreach (var role in new[] { shared.Stack.Catalog.CrawlerRole, shared.Stack.EtlJob.Role })
        {
            var statements = Policies.StatementsOfRole(shared.Json, shared.Stack.LogicalId(role));

            var key = Assert.Single(statements, statement => Policies.Actions(statement).Any(action => action.StartsWith("kms:", StringComparison.Ordinal)));
            Assert.Equal(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], Policies.Actions(key).Order(StringComparer.Ordinal));
            Assert.Equal(KeyArn(), Assert.Single(Policies.Resources(key)).ToJsonString());

            var associate = Assert.Single(statements, statement => Policies.Actions(statement).Contains("logs:AssociateKmsKey"));
            Assert.Equal(["logs:AssociateKmsKey"], Policies.Actions(associate));
            Assert.EndsWith(""":log-group:/aws-glue/*"]]}""", Assert.Single(Policies.Resources(associate)).ToJsonString(), StringComparison.Ordinal);
        }
    }

    private string KeyArn() => $$"""{"Fn::GetAtt":["{{KeyId}}","Arn"]}""";
}
