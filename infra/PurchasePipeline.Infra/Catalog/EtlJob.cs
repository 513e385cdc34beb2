using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3.Assets;
using Constructs;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Infra.Security;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// The bookmarked Glue 5.0 ETL job: glue/jobs/clean_purchases.py as an S3 asset with its package (glue/jobs/lib,
/// a zip asset in --extra-py-files), reading raw/ and writing
/// the lake, with the transform SQL of glue/sql copied under glue/sql/ of the bucket (--sql_path) and the
/// data-quality rules of glue/validation under glue/validation/ (--validation_path), which the job runs on its
/// staged output before publishing it.
/// </summary>
public sealed partial class EtlJob : Construct
{
    public EtlJob(Construct scope, string id, EtlJobProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var storage = props.Storage;
        var script = new Asset(this, "Script", new AssetProps { Path = props.Files.GlueJobScript });
        // A directory asset is published as a zip of its contents, so purchase_job/ is at the zip's root, where
        // Glue's --extra-py-files needs a package to import it (AWS Glue guide, "Using Python libraries with AWS Glue",
        // "Including Python files with PySpark native features" and "Zipping libraries for inclusion").
        var package = new Asset(this, "Package", new AssetProps { Path = props.Files.GlueJobPackage, Exclude = ["**/__pycache__"] });
        var sql = new GlueSqlFiles(this, "Sql", new GlueSqlFilesProps { Storage = storage, Files = props.Files.GlueSqlFiles, Prefix = LakePrefixes.GlueSql });
        var rules = new GlueSqlFiles(this, "Rules", new GlueSqlFilesProps { Storage = storage, Files = props.Files.GlueValidationFiles, Prefix = LakePrefixes.GlueValidation });

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("glue.amazonaws.com"),
            Description = "purchase-pipeline ETL job: reads raw/ and the SQL, writes the lake",
        });
        GrantRunPermissions(storage, [script, package], props.Encryption);
        Nag.Suppress(Role, ("AwsSolutions-IAM5",
            "Object ARNs end in PREFIX/* for the lake prefixes the job reads and writes (any run's objects, folders and their _$folder$ markers); "
            + "log-group:/aws-glue/* is where Glue names the job's log groups (after the security configuration and role); "
            + "cloudwatch:PutMetricData takes no resource (Resource *), and is limited to the Glue namespace by condition."));

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
                ["--extra-py-files"] = package.S3ObjectUrl,
                ["--raw_path"] = storage.Uri(LakePrefixes.Raw),
                ["--lake_path"] = storage.Uri(""),
                ["--sql_path"] = storage.Uri(LakePrefixes.GlueSql),
                ["--validation_path"] = storage.Uri(LakePrefixes.GlueValidation),
                ["--users_path"] = storage.Uri(LakePrefixes.Users),
                ["--enable-metrics"] = "true",
                ["--enable-continuous-cloudwatch-log"] = "true",
                ["--sql_files_version"] = Hash([sql.Version, rules.Version]),
            },
        });
        // The job must not start before its SQL and rules are in place.
        Job.Node.AddDependency(sql, rules);
    }

    public CfnJob Job { get; }

    public string JobName => Job.Ref;

    public string JobArn => Stack.Of(this).FormatArn(new ArnComponents { Service = "glue", Resource = "job", ResourceName = JobName });

    public Role Role { get; }

    internal static string Hash(IEnumerable<string> parts) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts)))).ToLower(CultureInfo.InvariantCulture)[..16];
}
