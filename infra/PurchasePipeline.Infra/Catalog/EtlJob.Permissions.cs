using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3.Assets;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// The job role's permissions, in place of the AWSGlueServiceRole managed policy (glue:* on *, EC2 and IAM reads,
/// S3 on aws-glue-* buckets): the script and its package, the lake prefixes glue/jobs/clean_purchases.py reads and writes, the
/// directory markers Glue's S3 file system keeps beside them, its logs and metrics, and the Glue key.
/// </summary>
/// <remarks>
/// No Glue API action: the script reads raw/ with create_dynamic_frame.from_options (no catalog table), runs its
/// SQL on temporary views, and the job does not pass --enable-glue-datacatalog. Its bookmark (Job.init, commit)
/// is documented to need only the Glue key for CSE-KMS (<see cref="GlueEncryption.Grant"/>); that no Glue action
/// is needed for it is unverified without an account (infra/README.md, "Glue roles").
/// <para>
/// Glue reads and writes s3:// paths through EMRFS, which keeps the s3n idiom of Hadoop's NativeS3FileSystem:
/// to find out whether DIR exists it sends HEAD DIR, HEAD DIR_$folder$ and lists DIR/; mkdirs walks every
/// directory from the bucket root and PUTs DIR_$folder$ where none exists; deleting a file PUTs its parent's
/// marker. A grant on PREFIX/* covers everything below a prefix, not clean, clean_$folder$, clean/purchases or
/// clean/purchases_$folder$ beside it, so those keys of each written prefix's directories are granted too.
/// </para>
/// </remarks>
public sealed partial class EtlJob
{
    /// <summary>The prefixes the job writes as folders through Spark (EMRFS, with directory markers).</summary>
    private static readonly string[] FolderPrefixes =
        [LakePrefixes.CleanPurchases, LakePrefixes.RejectedPurchases, LakePrefixes.Aggregates, LakePrefixes.Staging];

    /// <summary>The folders, and manifests/ where boto3 puts RUN.json (no markers: no Hadoop file system there).</summary>
    private static readonly string[] WrittenPrefixes = [.. FolderPrefixes, LakePrefixes.Manifests];

    /// <summary>The prefixes the job reads (--raw_path, --users_path, --sql_path, --validation_path).</summary>
    private static readonly string[] ReadPrefixes = [LakePrefixes.Raw, LakePrefixes.Users, LakePrefixes.GlueSql, LakePrefixes.GlueValidation];

    /// <summary>"clean/purchases/" → clean, clean/purchases: the directories a Hadoop file system walks below the bucket root.</summary>
    private static IEnumerable<string> Directories(string prefix)
    {
        var parts = prefix.TrimEnd('/').Split('/');
        return Enumerable.Range(1, parts.Length).Select(count => string.Join('/', parts.Take(count)));
    }

    private void GrantRunPermissions(LakeStorage storage, Asset[] code, GlueEncryption encryption)
    {
        var bucket = storage.Bucket;
        Allow("ReadScript", [.. code.Select(asset => asset.Bucket.ArnForObjects(asset.S3ObjectKey))], "s3:GetObject");
        Allow("ReadInputs", [.. ReadPrefixes.Select(storage.ObjectsArn)], "s3:GetObject");
        Allow("WriteLake", [.. WrittenPrefixes.Select(storage.ObjectsArn)],
            "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");

        // raw/ is listed through Hadoop by Glue's bookmarked reader; the folders are written and read back by Spark.
        var written = FolderPrefixes.SelectMany(Directories).Distinct().ToArray();
        var probed = Directories(LakePrefixes.Raw).Concat(written).Distinct().ToArray();
        Allow("ProbeDirectories", [.. probed.SelectMany(directory => new[] { directory, directory + "_$folder$" }).Select(bucket.ArnForObjects)],
            "s3:GetObject");
        Allow("MarkDirectories", [.. written.Select(directory => bucket.ArnForObjects(directory + "_$folder$"))], "s3:PutObject");

        // Not scoped by s3:prefix: S3 answers a HEAD of a missing key (the probes above, mostly of keys that do not
        // exist) with 404 only to a caller allowed s3:ListBucket on the bucket, and 403 otherwise, which EMRFS
        // reports as a failure, not as "no such directory". Whether a prefix-conditioned grant counts for that
        // check is undocumented (that HEAD has no s3:prefix), so the job may list the lake bucket's key names:
        // names only, in the one bucket, where it already reads raw/ and reference/.
        Allow("ListLake", [bucket.BucketArn], "s3:ListBucket", "s3:GetBucketLocation");

        // --enable-metrics: the job's driver and executors publish to the Glue namespace (AWSGlueServiceRole grants
        // cloudwatch:PutMetricData on *; the action takes no resource, so the namespace is the scope).
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PutGlueMetrics",
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = "Glue" },
            },
        }));
        GlueLogs.Grant(Role, encryption);
        encryption.Grant(Role);
    }

    private void Allow(string sid, string[] resources, params string[] actions) =>
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));
}
