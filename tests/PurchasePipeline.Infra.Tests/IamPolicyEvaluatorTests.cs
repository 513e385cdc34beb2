using System.Text.Json.Nodes;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// The IAM evaluator the least-privilege tests rely on (Support/IamPolicyEvaluator.cs), on a small template,
/// against the IAM User Guide's rules: "IAM JSON policy elements: Resource" (wildcards in ARN segments),
/// "Policy evaluation logic" (explicit deny, implicit deny), "IAM JSON policy elements: Condition operators".
/// </summary>
public sealed class IamPolicyEvaluatorTests
{
    private const string Bucket = "arn:aws:s3:::bucket";

    [Theory]
    [InlineData("s3:GetObject", Bucket + "/lake/clean/x.parquet", true)]
    [InlineData("S3:getobject", Bucket + "/lake/clean/2026/x.parquet", true)]
    [InlineData("s3:GetObject", Bucket + "/lake/clean_$folder$", false)]
    [InlineData("s3:GetObject", Bucket + "/lake/other/x", false)]
    [InlineData("s3:PutObject", Bucket + "/lake/clean/x.parquet", false)]
    [InlineData("s3:GetObject", Bucket + "/lake/clean/secret/x", false)]
    [InlineData("s3:GetObject", Bucket + "/lake/clean1", true)]
    [InlineData("s3:GetObject", Bucket + "/lake/clean12", false)]
    [InlineData("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws-glue/jobs/output:log-stream:run", true)]
    [InlineData("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/other:log-stream:run", false)]
    [InlineData("kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/key", true)]
    [InlineData("kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:alias/key", false)]
    public void Allows_ActionAndResourceWildcards_ExplicitAndImplicitDeny(string action, string resource, bool allowed)
    {
        var evaluator = IamPolicyEvaluator.ForRole(Template(), "Role");

        Assert.Equal(allowed, evaluator.Allows(action, resource));
    }

    [Theory]
    [InlineData("lake/clean/", true)]
    [InlineData("lake/clean/2026/", true)]
    [InlineData("lake/", false)]
    [InlineData(null, false)]
    public void Allows_ListBucket_OnlyWithAMatchingPrefixCondition(string? prefix, bool allowed)
    {
        var evaluator = IamPolicyEvaluator.ForRole(Template(), "Role");
        var context = prefix is null ? null : new Dictionary<string, string> { ["s3:prefix"] = prefix };

        Assert.Equal(allowed, evaluator.Allows("s3:ListBucket", Bucket, context));
    }

    [Fact]
    public void ForRole_AwsManagedPolicy_IsRefusedNotGuessed()
    {
        var template = Template();
        template["Resources"]!["Role"]!["Properties"]!["ManagedPolicyArns"] = JsonNode.Parse(
            """[{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/service-role/AWSGlueServiceRole"]]}]""");

        var error = Assert.Throws<NotSupportedException>(() => IamPolicyEvaluator.ForRole(template, "Role"));

        Assert.Contains("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_ResolveRefGetAttJoinAndSub_AsOneDeployment()
    {
        var template = Template();
        var values = new TemplateValues(template);

        Assert.Equal("arn:aws:s3:::bucket", values.GetAtt("Bucket", "Arn"));
        Assert.Equal("cdk-assets-123456789012-us-east-1/k", values.Resolve(JsonNode.Parse("""{"Fn::Sub":"cdk-assets-${AWS::AccountId}-${AWS::Region}/k"}""")));
        Assert.Equal("s3://bucket/raw/", values.Resolve(JsonNode.Parse("""{"Fn::Join":["",["s3://",{"Ref":"Bucket"},"/raw/"]]}""")));
        Assert.Throws<NotSupportedException>(() => values.Resolve(JsonNode.Parse("""{"Fn::ImportValue":"x"}""")));
    }

    /// <summary>A role with an inline policy and an attached AWS::IAM::Policy, one of whose statements denies.</summary>
    private static JsonObject Template() => JsonNode.Parse("""
        {
          "Resources": {
            "Bucket": { "Type": "AWS::S3::Bucket" },
            "Key": { "Type": "AWS::KMS::Key" },
            "Role": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "Policies": [{ "PolicyName": "inline", "PolicyDocument": { "Statement": [
                  { "Effect": "Allow", "Action": "kms:Decrypt", "Resource": { "Fn::GetAtt": ["Key", "Arn"] } }
                ] } }]
              }
            },
            "Policy": {
              "Type": "AWS::IAM::Policy",
              "Properties": {
                "Roles": [{ "Ref": "Role" }],
                "PolicyDocument": { "Statement": [
                  { "Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": [{ "Fn::Join": ["", [{ "Fn::GetAtt": ["Bucket", "Arn"] }, "/lake/clean/*"]] }, "arn:aws:s3:::bucket/lake/clean?"] },
                  { "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::bucket/lake/clean/secret/*" },
                  { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket",
                    "Condition": { "StringLike": { "s3:prefix": ["lake/clean/", "lake/clean/*"] } } },
                  { "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                    "Resource": { "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws-glue/*" } }
                ] }
              }
            }
          }
        }
        """)!.AsObject();
}
