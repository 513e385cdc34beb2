using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// The Glue security configuration the crawler and the ETL job run with: their CloudWatch Logs (SSE-KMS) and
/// the job's bookmarks (CSE-KMS) are encrypted with a customer-managed key of their own; what the job writes
/// to S3 gets SSE-S3, the lake bucket's own encryption (Storage/LakeStorage.cs).
/// </summary>
/// <remarks>
/// With CloudWatch encryption on, Glue writes to log groups under /aws-glue/ named after the role and the
/// configuration, and associates the key with them as the crawler's or job's role: the role needs
/// logs:AssociateKmsKey on them and the key (<see cref="Grant"/>), and the key policy lets CloudWatch Logs use
/// the key for those log groups only (encryption context aws:logs:arn).
/// </remarks>
public sealed class GlueEncryption : Construct
{
    /// <summary>The lake bucket's default encryption (BucketEncryption.S3_MANAGED), which Glue's S3 writes follow.</summary>
    public const string S3EncryptionMode = "SSE-S3";

    public GlueEncryption(Construct scope, string id)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        LogGroupsArn = stack.FormatArn(new ArnComponents
        {
            Service = "logs",
            Resource = "log-group",
            ResourceName = "/aws-glue/*",
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });

        Key = new Key(this, "Key", new KeyProps
        {
            Description = "purchase-pipeline Glue crawler and job logs, job bookmarks",
            EnableKeyRotation = true,
            // Glue's log groups are not the stack's and outlive it, as do the lake's data: keep the key that reads them.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchLogsEncryptGlueLogs",
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            // The CloudWatch Logs guide's kms:Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe*, spelled out.
            Actions =
            [
                "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey",
            ],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:logs:arn"] = LogGroupsArn },
            },
        }));

        Configuration = new CfnSecurityConfiguration(this, "Configuration", new CfnSecurityConfigurationProps
        {
            Name = "purchase-pipeline-" + Names.UniqueResourceName(this, new UniqueResourceNameOptions { MaxLength = 40 }).ToLowerInvariant(),
            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
            {
                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty
                {
                    CloudWatchEncryptionMode = "SSE-KMS",
                    KmsKeyArn = Key.KeyArn,
                },
                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty
                {
                    JobBookmarksEncryptionMode = "CSE-KMS",
                    KmsKeyArn = Key.KeyArn,
                },
                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = S3EncryptionMode } },
            },
        });
    }

    public Key Key { get; }

    public CfnSecurityConfiguration Configuration { get; }

    /// <summary>The name the crawler's CrawlerSecurityConfiguration and the job's SecurityConfiguration take.</summary>
    public string ConfigurationName => Configuration.Ref;

    /// <summary>arn:…:log-group:/aws-glue/*, every log group Glue writes to.</summary>
    public string LogGroupsArn { get; }

    /// <summary>What a crawler's or job's role needs to run with the configuration.</summary>
    public void Grant(IRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "UseGlueKey",
            // Bookmarks are encrypted client-side (CSE-KMS) by the job; log data keys come from the same key.
            Actions = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
            Resources = [Key.KeyArn],
        }));
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EncryptGlueLogGroups",
            Actions = ["logs:AssociateKmsKey"],
            Resources = [LogGroupsArn],
        }));
    }
}
