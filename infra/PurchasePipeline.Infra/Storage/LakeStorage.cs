using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Infra.Security;

namespace PurchasePipeline.Infra.Storage;

/// <summary>
/// The one bucket of the pipeline: raw/ where purchase files land (its Object Created events go to
/// EventBridge) and the lake the Glue job writes (clean/, rejected/, aggregates/, manifests/), plus a
/// bucket for its server access logs.
/// </summary>
public sealed class LakeStorage : Construct
{
    public LakeStorage(Construct scope, string id, LakeStorageProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);

        AccessLogs = new Bucket(this, "AccessLogs", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_PREFERRED,
            LifecycleRules = [new LifecycleRule { Id = "ExpireAccessLogs", Expiration = Duration.Days(365) }],
        });
        Nag.Suppress(AccessLogs, ("AwsSolutions-S1", "This is the access log bucket of the lake bucket; logging it to itself would loop."));

        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            EventBridgeEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            Versioned = true,
            ServerAccessLogsBucket = AccessLogs,
            ServerAccessLogsPrefix = "lake/",
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "ExpireStaging",
                    Prefix = LakePrefixes.Staging,
                    Expiration = Duration.Days(props.ScratchRetentionDays),
                },
                new LifecycleRule
                {
                    Id = "ExpireAthenaResults",
                    Prefix = LakePrefixes.AthenaResults,
                    Expiration = Duration.Days(props.ScratchRetentionDays),
                },
                new LifecycleRule
                {
                    Id = "ExpireNoncurrentVersions",
                    NoncurrentVersionExpiration = Duration.Days(props.NoncurrentVersionDays),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(props.ScratchRetentionDays),
                    ExpiredObjectDeleteMarker = true,
                },
            ],
        });
    }

    /// <summary>raw/ and the lake.</summary>
    public Bucket Bucket { get; }

    public Bucket AccessLogs { get; }

    /// <summary>The s3:// URI of a prefix of the bucket.</summary>
    public string Uri(string prefix) => $"s3://{Bucket.BucketName}/{prefix}";

    /// <summary>The ARN of the objects under a prefix (prefix/*).</summary>
    public string ObjectsArn(string prefix) => Bucket.ArnForObjects(prefix + "*");
}
