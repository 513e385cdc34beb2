using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3.Assets;
using Constructs;
using PurchasePipeline.Infra.Security;
using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// The bookmarked Glue 5.0 ETL job: glue/jobs/clean_purchases.py as an S3 asset, reading raw/ and writing
/// the lake, with the transform SQL of glue/sql copied under glue/sql/ of the bucket (--sql_path).
/// </summary>
public sealed partial class EtlJob : Construct
{
    public EtlJob(Construct scope, string id, EtlJobProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var storage = props.Storage;
        var script = new Asset(this, "Script", new AssetProps { Path = props.Files.GlueJobScript });
        var sql = new GlueSqlFiles(this, "Sql", new GlueSqlFilesProps { Storage = storage, Files = props.Files.GlueSqlFiles });

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("glue.amazonaws.com"),
            Description = "purchase-pipeline ETL job: reads raw/ and the SQL, writes the lake",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSGlueServiceRole")],
        });
        GrantLakeAccess(storage, script);
        props.Encryption.Grant(Role);
        Nag.Suppress(Role,
            ("AwsSolutions-IAM4", "AWSGlueServiceRole is the managed policy AWS documents for a Glue job's logs, metrics and bookmarks."),
            ("AwsSolutions-IAM5", "Object ARNs end in PREFIX/* for the lake prefixes the job reads and writes (any run's objects); log-group:/aws-glue/* is where Glue names the job's encrypted log groups (after the security configuration and role); the managed policy's wildcards are AWS's."));

        Job = new CfnJob(this, "Job", new CfnJobProps
        {
            Description = "Cleans new purchase files (job bookmarks) into the lake: clean/, rejected/, aggregates/, manifests/",
            Role = Role.RoleArn,
            SecurityConfiguration = props.Encryption.ConfigurationName,
            GlueVersion = "5.0",
            Command = new CfnJob.JobCommandProperty
            {
                Name = "glueetl",
                PythonVersion = "3",
                ScriptLocation = script.S3ObjectUrl,
            },
            WorkerType = props.WorkerType,
            NumberOfWorkers = props.Workers,
            Timeout = props.TimeoutMinutes,
            MaxRetries = 0,
            ExecutionProperty = new CfnJob.ExecutionPropertyProperty { MaxConcurrentRuns = 1 },
            DefaultArguments = new Dictionary<string, string>
            {
                ["--job-bookmark-option"] = "job-bookmark-enable",
                ["--raw_path"] = storage.Uri(LakeLayout.Raw),
                ["--lake_path"] = storage.Uri(""),
                ["--sql_path"] = storage.Uri(LakeLayout.GlueSql),
                ["--users_path"] = storage.Uri(LakeLayout.Users),
                ["--enable-metrics"] = "true",
                ["--enable-continuous-cloudwatch-log"] = "true",
                ["--sql_files_version"] = sql.Version,
            },
        });
        // The job must not start before its SQL is in place.
        Job.Node.AddDependency(sql);
    }

    public CfnJob Job { get; }

    public string JobName => Job.Ref;

    public string JobArn => Stack.Of(this).FormatArn(new ArnComponents { Service = "glue", Resource = "job", ResourceName = JobName });

    public Role Role { get; }

    private void GrantLakeAccess(LakeStorage storage, Asset script)
    {
        var bucket = storage.Bucket;
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadScript",
            Actions = ["s3:GetObject"],
            Resources = [script.Bucket.ArnForObjects(script.S3ObjectKey)],
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadInputs",
            Actions = ["s3:GetObject"],
            Resources = [.. new[] { LakeLayout.Raw, LakeLayout.Users, LakeLayout.GlueSql }.Select(storage.ObjectsArn)],
        }));
        string[] written = [LakeLayout.CleanPurchases, LakeLayout.RejectedPurchases, LakeLayout.Aggregates, LakeLayout.Manifests, LakeLayout.Staging];
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteLake",
            Actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
            Resources = [.. written.Select(storage.ObjectsArn)],
        }));
        string[] listed = [LakeLayout.Raw, LakeLayout.Users, LakeLayout.GlueSql, .. written];
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListLake",
            Actions = ["s3:ListBucket"],
            Resources = [bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object>
                {
                    ["s3:prefix"] = listed.SelectMany(prefix => new[] { prefix, prefix + "*" }).ToArray(),
                },
            },
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "LocateBucket",
            Actions = ["s3:GetBucketLocation"],
            Resources = [bucket.BucketArn],
        }));
    }

    internal static string Hash(IEnumerable<string> parts) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts)))).ToLower(CultureInfo.InvariantCulture)[..16];
}
