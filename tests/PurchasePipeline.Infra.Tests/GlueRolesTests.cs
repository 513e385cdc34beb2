using System.Text.RegularExpressions;
using PurchasePipeline.Infra.Catalog;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// The Glue job's and crawler's roles, asked with <see cref="IamPolicyEvaluator"/> about every S3 key the job
/// script touches (read from glue/jobs/clean_purchases.py and the job's arguments) and about what neither may do.
/// </summary>
/// <remarks>
/// What the roles need, and where it is documented: AWS Glue Developer Guide, "Crawler prerequisites" and
/// "Step 3: Configure security settings" (a crawler's role: the data store's objects plus catalog writes,
/// "AWSGlueServiceRole ... or a scoped down version"), "Review IAM permissions needed for ETL jobs" (sources:
/// s3:ListBucket, s3:GetObject; targets: s3:ListBucket, s3:PutObject, s3:DeleteObject), and the AWSGlueServiceRole
/// policy document (AWS Managed Policy Reference, v5: logs:CreateLogGroup/CreateLogStream/PutLogEvents on
/// /aws-glue/*, cloudwatch:PutMetricData) whose glue:* on * the roles no longer get.
/// <para>
/// Directory markers: Glue's s3:// file system is EMRFS, which keeps the s3n idiom of apache/hadoop's
/// hadoop-tools/hadoop-aws/src/main/java/org/apache/hadoop/fs/s3native/NativeS3FileSystem.java: getFileStatus of
/// a directory DIR sends HEAD DIR, HEAD DIR_$folder$, then lists DIR/; mkdirs walks every ancestor from the bucket
/// root and PUTs DIR_$folder$ for each one missing; deleting a file PUTs its parent's marker; deleting or renaming
/// a directory DELETEs its marker. So a writer of clean/purchases/ touches clean, clean_$folder$, clean/purchases
/// and clean/purchases_$folder$ as well as clean/purchases/*. The AWS knowledge-center article
/// repost.aws/knowledge-center/emr-s3-empty-files says EMRFS creates these placeholders for s3:// folders; Glue's
/// s3:// is EMRFS (its job parameter --enable-s3-parquet-optimized-committer is the EMRFS S3-optimized committer),
/// and users report Glue jobs writing them unless they switch to s3a:// (stackoverflow.com/questions/42876195).
/// Which of them Glue 5.0 writes on a given run cannot be seen without an account: the role allows them all.
/// </para>
/// </remarks>
[Trait("Requires", "node")]
public sealed partial class GlueRolesTests(DefaultDeployment shared) : IClassFixture<DefaultDeployment>
{
    private const string SampleSegment = "jr_0123";

    private static readonly string[] ObjectWrites = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"];

    private static readonly string[] Writes = ["s3:PutObject", "s3:DeleteObject"];

    private IamPolicyEvaluator Job => IamPolicyEvaluator.ForRole(shared.Json, shared.Stack.LogicalId(shared.Stack.EtlJob.Role));

    private IamPolicyEvaluator Crawler => IamPolicyEvaluator.ForRole(shared.Json, shared.Stack.LogicalId(shared.Stack.Catalog.CrawlerRole));

    private string BucketId => shared.Stack.LogicalId(shared.Stack.Storage.Bucket);

    /// <summary>Every lake-relative path literal of the job (its script and package): folders it writes, lists and reads back, and the manifest object.</summary>
    public static TheoryData<string> ScriptPaths()
    {
        var files = Directory.GetFiles(Synth.Files.GlueJobPackage, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Prepend(Synth.Files.GlueJobScript);
        var script = WithLakeConstantsInlined(string.Join('\n', files.Select(File.ReadAllText)));
        var paths = LakePathLiteral().Matches(script).Select(match => Placeholder().Replace(match.Groups[1].Value, SampleSegment)).Distinct().ToList();
        Assert.True(paths.Count >= 5, $"expected the script's lake paths, found: {string.Join(", ", paths)}");
        return [.. paths];
    }

    [Theory]
    [MemberData(nameof(ScriptPaths))]
    public void JobRole_AllowsEveryKeyTheScriptTouches_AndTheirDirectoryMarkers(string path)
    {
        var job = Job;
        var lake = LakeRoot();

        if (!path.EndsWith('/'))
        {
            Assert.True(job.Allows("s3:PutObject", ObjectArn(lake + path)), $"PutObject {lake + path}");
            return;
        }

        var folder = lake + path;
        foreach (var key in new[] { folder + "part-00000.snappy.parquet", folder + "_temporary/0/task/part-00000", folder + "x_$folder$" })
        {
            Assert.All(ObjectWrites, action => Assert.True(job.Allows(action, ObjectArn(key)), $"{action} {key}"));
        }

        Assert.True(ListAllowed(job, folder), $"ListBucket prefix {folder}");
        foreach (var directory in Directories(folder))
        {
            Assert.True(job.Allows("s3:GetObject", ObjectArn(directory)), $"HEAD {directory} (getFileStatus)");
            Assert.True(job.Allows("s3:GetObject", ObjectArn(directory + "_$folder$")), $"HEAD {directory}_$folder$ (getFileStatus)");
            Assert.True(job.Allows("s3:PutObject", ObjectArn(directory + "_$folder$")), $"PUT {directory}_$folder$ (mkdirs)");
            Assert.True(ListAllowed(job, directory + "/"), $"ListBucket prefix {directory}/ (getFileStatus)");
        }
    }

    [Theory]
    [InlineData("--raw_path", true)]
    [InlineData("--users_path", false)]
    [InlineData("--sql_path", false)]
    [InlineData("--validation_path", false)]
    public void JobRole_ReadsAndListsItsInputs_AndProbesTheRawDirectory(string argument, bool readByGlue)
    {
        var job = Job;
        var prefix = Key(Argument(argument));

        Assert.True(job.Allows("s3:GetObject", ObjectArn(prefix + "2026/11/25/purchases.csv")), $"GetObject under {prefix}");
        Assert.True(ListAllowed(job, prefix), $"ListBucket prefix {prefix}");
        Assert.True(ListAllowed(job, prefix + "2026/"), $"ListBucket prefix {prefix}2026/");
        Assert.False(job.Allows("s3:PutObject", ObjectArn(prefix + "x.csv")), $"PutObject under input {prefix}");
        Assert.False(job.Allows("s3:DeleteObject", ObjectArn(prefix + "x.csv")), $"DeleteObject under input {prefix}");
        Assert.False(job.Allows("s3:PutObject", ObjectArn(prefix.TrimEnd('/') + "_$folder$")), $"PutObject marker of input {prefix}");
        if (readByGlue)
        {
            // The bookmarked from_options source lists raw/ through the Hadoop file system: getFileStatus first.
            Assert.True(job.Allows("s3:GetObject", ObjectArn(prefix.TrimEnd('/'))));
            Assert.True(job.Allows("s3:GetObject", ObjectArn(prefix.TrimEnd('/') + "_$folder$")));
        }
    }

    [Theory]
    [InlineData("Command", "ScriptLocation")]
    [InlineData("DefaultArguments", "--extra-py-files")]
    public void JobRole_ReadsItsScriptAndPackage(string member, string name)
    {
        var location = Job.Values.Resolve(shared.Json.Single("AWS::Glue::Job")[member]![name]);
        var match = Regex.Match(location, "^s3://([^/]+)/(.+)$");

        Assert.True(Job.Allows("s3:GetObject", $"arn:aws:s3:::{match.Groups[1].Value}/{match.Groups[2].Value}"), location);
        Assert.False(Job.Allows("s3:GetObject", $"arn:aws:s3:::{match.Groups[1].Value}/other.py"));
    }

    [Theory]
    [InlineData("s3:PutObject", "raw/2026/11/25/purchases.csv")]
    [InlineData("s3:DeleteObject", "raw/2026/11/25/purchases.csv")]
    [InlineData("s3:PutObject", "raw_$folder$")]
    [InlineData("s3:PutObject", "reference/users/users.csv")]
    [InlineData("s3:PutObject", "glue/sql/03_clean_purchases.sql")]
    [InlineData("s3:GetObject", "athena-results/q.csv")]
    [InlineData("s3:PutObject", "athena-results/q.csv")]
    [InlineData("s3:PutObject", "clean/other/x.parquet")]
    [InlineData("s3:PutObject", "cleaner_$folder$")]
    [InlineData("s3:DeleteObject", "clean_$folder$")]
    [InlineData("s3:PutObject", "x.parquet")]
    public void JobRole_RefusesKeysOutsideItsPrefixes(string action, string key)
    {
        Assert.False(Job.Allows(action, ObjectArn(key)), $"{action} {key}");
    }

    /// <summary>
    /// S3 answers a HEAD of a missing key with 404 only to a caller allowed s3:ListBucket on the bucket, else 403
    /// (Amazon S3 API Reference, HeadObject, "Permissions"); EMRFS probes keys that mostly do not exist (DIR,
    /// DIR_$folder$), and that HEAD carries no s3:prefix, so the job's grant on the lake bucket has no prefix condition.
    /// </summary>
    [Fact]
    public void JobRole_ListsTheLakeBucketWithoutAPrefix_ForHonest404s_AndNoOtherBucket()
    {
        var job = Job;

        Assert.True(job.Allows("s3:ListBucket", job.Values.GetAtt(BucketId, "Arn")));
        Assert.False(job.Allows("s3:ListBucket", "arn:aws:s3:::another-bucket"));
        Assert.False(job.Allows("s3:GetObject", "arn:aws:s3:::another-bucket/raw/x.csv"));
    }

    [Fact]
    public void JobRole_UsesNoCatalog_AndPutsMetricsOnlyInTheGlueNamespace()
    {
        var job = Job;

        Assert.False(job.Allows("glue:GetTable", GlueArn("table/purchase_pipeline/clean_purchases")));
        Assert.False(job.Allows("glue:CreateTable", GlueArn("catalog")));
        Assert.False(job.Allows("glue:StartJobRun", GlueArn("job/any")));
        Assert.True(job.Allows("cloudwatch:PutMetricData", "*", new Dictionary<string, string> { ["cloudwatch:namespace"] = "Glue" }));
        Assert.False(job.Allows("cloudwatch:PutMetricData", "*", new Dictionary<string, string> { ["cloudwatch:namespace"] = "AWS/Lambda" }));
    }

    [Theory]
    [InlineData("/aws-glue/jobs/output")]
    [InlineData("/aws-glue/jobs/logs-v2")]
    [InlineData("/aws-glue/crawlers")]
    [InlineData("/aws-glue/crawlers-role/role-config")]
    public void BothRoles_WriteTheirLogsUnderAwsGlue_Only(string logGroup)
    {
        var group = $"arn:aws:logs:{TemplateValues.Region}:{TemplateValues.Account}:log-group:{logGroup}";
        foreach (var role in new[] { Job, Crawler })
        {
            Assert.True(role.Allows("logs:CreateLogGroup", group), $"CreateLogGroup {logGroup}");
            Assert.True(role.Allows("logs:CreateLogStream", group + ":log-stream:run"), $"CreateLogStream {logGroup}");
            Assert.True(role.Allows("logs:PutLogEvents", group + ":log-stream:run"), $"PutLogEvents {logGroup}");
            Assert.False(role.Allows("logs:PutLogEvents", $"arn:aws:logs:{TemplateValues.Region}:{TemplateValues.Account}:log-group:/aws/lambda/x:log-stream:run"));
        }
    }

    [Fact]
    public void CrawlerRole_ReadsAndListsRawOnly_AndWritesNoObject()
    {
        var crawler = Crawler;

        Assert.True(crawler.Allows("s3:GetObject", ObjectArn("raw/2026/11/25/purchases.csv")));
        Assert.True(crawler.Allows("s3:GetBucketLocation", crawler.Values.GetAtt(BucketId, "Arn")));
        Assert.True(ListAllowed(crawler, "raw/"));
        Assert.True(ListAllowed(crawler, "raw/2026/"));
        Assert.False(ListAllowed(crawler, "clean/purchases/"));
        Assert.False(crawler.Allows("s3:ListBucket", crawler.Values.GetAtt(BucketId, "Arn")), "ListBucket without a prefix");
        Assert.False(crawler.Allows("s3:GetObject", ObjectArn("clean/purchases/purchase_date=2026-11-25/part-0.parquet")));
        foreach (var key in new[] { "raw/2026/11/25/purchases.csv", "raw_$folder$", "raw/2026_$folder$", "clean/purchases/x.parquet", "manifests/x.json" })
        {
            Assert.All(Writes, action => Assert.False(crawler.Allows(action, ObjectArn(key)), $"{action} {key}"));
        }
    }

    /// <summary>Glue authorizes a table call on the catalog, the database and the table (Service Authorization Reference, AWS Glue).</summary>
    [Theory]
    [InlineData("glue:GetDatabase")]
    [InlineData("glue:GetTable")]
    [InlineData("glue:GetTables")]
    [InlineData("glue:CreateTable")]
    [InlineData("glue:UpdateTable")]
    [InlineData("glue:GetPartition")]
    [InlineData("glue:GetPartitions")]
    [InlineData("glue:BatchGetPartition")]
    [InlineData("glue:CreatePartition")]
    [InlineData("glue:BatchCreatePartition")]
    [InlineData("glue:UpdatePartition")]
    [InlineData("glue:BatchUpdatePartition")]
    public void CrawlerRole_WritesTheRawTableOfItsDatabase(string action)
    {
        var crawler = Crawler;
        var database = shared.Stack.Catalog.DatabaseName;

        Assert.True(crawler.Allows(action, GlueArn("catalog")), $"{action} catalog");
        Assert.True(crawler.Allows(action, GlueArn($"database/{database}")), $"{action} database");
        if (action != "glue:GetDatabase")
        {
            Assert.True(crawler.Allows(action, GlueArn($"table/{database}/raw")), $"{action} table raw");
        }

        Assert.False(crawler.Allows(action, GlueArn("database/other")), $"{action} another database");
        Assert.False(crawler.Allows(action, GlueArn("table/other/raw")), $"{action} a table of another database");
    }

    [Theory]
    [InlineData("glue:CreateTable")]
    [InlineData("glue:UpdateTable")]
    [InlineData("glue:DeleteTable")]
    [InlineData("glue:BatchCreatePartition")]
    [InlineData("glue:UpdatePartition")]
    [InlineData("glue:BatchDeletePartition")]
    public void CrawlerRole_CannotChangeTheStacksLakeTables(string action)
    {
        var crawler = Crawler;
        foreach (var table in LakeTables.All)
        {
            Assert.False(crawler.Allows(action, GlueArn($"table/{shared.Stack.Catalog.DatabaseName}/{table}")), $"{action} {table}");
        }
    }

    [Theory]
    [InlineData("glue:DeleteTable", "table/purchase_pipeline/raw")]
    [InlineData("glue:BatchDeletePartition", "table/purchase_pipeline/raw")]
    [InlineData("glue:DeleteDatabase", "database/purchase_pipeline")]
    [InlineData("glue:CreateDatabase", "database/other")]
    [InlineData("glue:StartJobRun", "job/any")]
    public void CrawlerRole_NeverDeletesCreatesDatabasesOrRunsJobs(string action, string resource)
    {
        Assert.False(Crawler.Allows(action, GlueArn(resource)), $"{action} {resource}");
    }

    [Fact]
    public void Roles_HaveNoManagedPolicies_AndTheirWildcardSuppressionsSayWhy()
    {
        foreach (var role in new[] { shared.Stack.EtlJob.Role, shared.Stack.Catalog.CrawlerRole })
        {
            var resource = shared.Json["Resources"]![shared.Stack.LogicalId(role)]!.AsObject();
            Assert.Null(resource["Properties"]!["ManagedPolicyArns"]);
            var rules = resource["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray().Select(rule => (string)rule!["id"]!).ToList();
            Assert.Equal(["AwsSolutions-IAM5"], rules);
        }
    }

    /// <summary>"clean/purchases/" → clean, clean/purchases: the directories mkdirs walks below the bucket root.</summary>
    private static IEnumerable<string> Directories(string folder)
    {
        var parts = folder.TrimEnd('/').Split('/');
        return Enumerable.Range(1, parts.Length).Select(count => string.Join('/', parts.Take(count)));
    }

    private bool ListAllowed(IamPolicyEvaluator role, string prefix) =>
        role.Allows("s3:ListBucket", role.Values.GetAtt(BucketId, "Arn"), new Dictionary<string, string> { ["s3:prefix"] = prefix });

    private static string GlueArn(string resource) => $"arn:aws:glue:{TemplateValues.Region}:{TemplateValues.Account}:{resource}";

    private string ObjectArn(string key) => Job.ObjectArn(BucketId, key);

    private string Argument(string name) => Job.Values.Resolve(shared.Json.Single("AWS::Glue::Job")["DefaultArguments"]![name]);

    /// <summary>The key prefix of the job's --lake_path ("" for the bucket root).</summary>
    private string LakeRoot() => Key(Argument("--lake_path"));

    private string Key(string uri)
    {
        var bucket = Job.Values.Ref(BucketId);
        Assert.StartsWith($"s3://{bucket}/", uri, StringComparison.Ordinal);
        return uri[$"s3://{bucket}/".Length..];
    }

    /// <summary>A string literal starting with a lower-case letter or _, without spaces or colons, naming a folder (ends in /) or a .json object.</summary>
    /// <summary>
    /// The script with each use of its LAKE_X prefix constants (held to Core's LakePrefixes by Glue.Tests) written
    /// out: <c>f"{LAKE_STAGING}{run_id}/"</c> as <c>f"_staging/{run_id}/"</c>, a bare <c>LAKE_X</c> as its quoted value.
    /// </summary>
    private static string WithLakeConstantsInlined(string script)
    {
        // The package's modules import the constants by name: an import names no path.
        script = ImportStatement().Replace(script, string.Empty);
        var constants = LakeConstant().Matches(script).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
        var uses = LakeConstant().Replace(script, string.Empty);
        uses = Regex.Replace(uses, @"\{(LAKE_[A-Z_]+)\}", match => constants.GetValueOrDefault(match.Groups[1].Value, match.Value));
        return Regex.Replace(uses, @"\b(LAKE_[A-Z_]+)\b", match => constants.TryGetValue(match.Groups[1].Value, out var value) ? '"' + value + '"' : match.Value);
    }

    [GeneratedRegex(@"^(LAKE_[A-Z_]+) = ""([^""]*)""$", RegexOptions.Multiline)]
    private static partial Regex LakeConstant();

    [GeneratedRegex(@"(?<![\w])f?""([a-z_][^"" :]*/(?:[^""/ ]*\.json)?)""")]
    private static partial Regex LakePathLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^from \S+ import (\([^)]*\)|[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex ImportStatement();
}
