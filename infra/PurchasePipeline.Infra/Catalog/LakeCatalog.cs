using Amazon.CDK;
using Amazon.CDK.AWS.Athena;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Constructs;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Infra.Security;
using PurchasePipeline.Infra.Storage;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// The Glue Data Catalog side: the database, the crawler over raw/, the lake's tables the validation rules
/// query, and the Athena workgroup they run in.
/// </summary>
public sealed partial class LakeCatalog : Construct
{
    public LakeCatalog(Construct scope, string id, LakeCatalogProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Storage = props.Storage;
        DatabaseName = props.DatabaseName;
        var stack = Stack.Of(this);

        Database = new CfnDatabase(this, "Database", new CfnDatabaseProps
        {
            CatalogId = stack.Account,
            DatabaseInput = new CfnDatabase.DatabaseInputProperty
            {
                Name = DatabaseName,
                Description = "purchase-pipeline: raw purchase files (crawled) and the lake the ETL job writes",
            },
        });

        AddTables();
        CrawlerRole = CreateCrawlerRole(props.Encryption);
        Crawler = CreateCrawler(props.Encryption);
        WorkGroup = CreateWorkGroup();
    }

    public LakeStorage Storage { get; }

    public string DatabaseName { get; }

    public CfnDatabase Database { get; }

    public CfnCrawler Crawler { get; }

    public Role CrawlerRole { get; }

    public string CrawlerName => Crawler.Ref;

    public CfnWorkGroup WorkGroup { get; }

    public string WorkGroupName => WorkGroup.Ref;

    public string CatalogArn => Stack.Of(this).FormatArn(new ArnComponents { Service = "glue", Resource = "catalog" });

    public string DatabaseArn => Stack.Of(this).FormatArn(new ArnComponents { Service = "glue", Resource = "database", ResourceName = DatabaseName });

    public string TableArn(string table) =>
        Stack.Of(this).FormatArn(new ArnComponents { Service = "glue", Resource = "table", ResourceName = $"{DatabaseName}/{table}" });

    public string CrawlerArn => Stack.Of(this).FormatArn(new ArnComponents { Service = "glue", Resource = "crawler", ResourceName = CrawlerName });

    public string WorkGroupArn => Stack.Of(this).FormatArn(new ArnComponents { Service = "athena", Resource = "workgroup", ResourceName = WorkGroupName });

    private Role CreateCrawlerRole(GlueEncryption encryption)
    {
        var bucket = Storage.Bucket;
        var role = new Role(this, "CrawlerRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("glue.amazonaws.com"),
            Description = "purchase-pipeline crawler: reads raw/, writes the catalog",
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadRaw",
            Actions = ["s3:GetObject"],
            Resources = [Storage.ObjectsArn(LakePrefixes.Raw)],
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListRaw",
            Actions = ["s3:ListBucket"],
            Resources = [bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = new[] { LakePrefixes.Raw, LakePrefixes.Raw + "*" } },
            },
        }));
        // AWSGlueServiceRole's s3:GetBucketLocation, on this bucket: the crawler finds the bucket's region.
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "LocateBucket",
            Actions = ["s3:GetBucketLocation"],
            Resources = [bucket.BucketArn],
        }));
        GrantCrawlerCatalog(role);
        GlueLogs.Grant(role, encryption);
        encryption.Grant(role);
        Nag.Suppress(role, ("AwsSolutions-IAM5",
            "Object ARNs end in raw/* (the crawler reads any new object under the prefix); table/DATABASE/* because the crawler "
            + "names the tables it creates from the folders it finds (the stack's own tables are denied); log-group:/aws-glue/* "
            + "is where Glue names the crawler's log group (after the role and security configuration)."));
        return role;
    }

    /// <summary>
    /// What the crawler does in the catalog, with CRAWL_NEW_FOLDERS_ONLY and LOG schema changes: reads the database,
    /// creates the raw table the first time, adds and refreshes partitions; it never deletes. A Glue table call is
    /// authorized on the catalog, the database and the table, so all three are listed.
    /// </summary>
    private void GrantCrawlerCatalog(Role role)
    {
        string[] reads = ["glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"];
        string[] writes =
        [
            "glue:CreateTable", "glue:UpdateTable",
            "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:BatchUpdatePartition",
        ];
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CrawlIntoDatabase",
            Actions = ["glue:GetDatabase", .. reads, .. writes],
            Resources = [CatalogArn, DatabaseArn, TableArn("*")],
        }));
        // The lake's tables and view are the stack's (CfnTable, partition projection): a crawler must not redefine them.
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "KeepStackTables",
            Effect = Effect.DENY,
            Actions = writes,
            Resources = [.. LakeTables.All.Select(TableArn)],
        }));
    }

    private CfnCrawler CreateCrawler(GlueEncryption encryption)
    {
        var crawler = new CfnCrawler(this, "Crawler", new CfnCrawlerProps
        {
            Role = CrawlerRole.RoleArn,
            CrawlerSecurityConfiguration = encryption.ConfigurationName,
            DatabaseName = DatabaseName,
            Description = "Registers new raw/ partitions and schema of purchase files",
            Targets = new CfnCrawler.TargetsProperty
            {
                S3Targets = new[] { new CfnCrawler.S3TargetProperty { Path = Storage.Uri(LakePrefixes.Raw) } },
            },
            RecrawlPolicy = new CfnCrawler.RecrawlPolicyProperty { RecrawlBehavior = "CRAWL_NEW_FOLDERS_ONLY" },
            // CRAWL_NEW_FOLDERS_ONLY requires both behaviours to be LOG: the crawler adds partitions, never rewrites tables.
            SchemaChangePolicy = new CfnCrawler.SchemaChangePolicyProperty { UpdateBehavior = "LOG", DeleteBehavior = "LOG" },
        });
        crawler.AddDependency(Database);
        return crawler;
    }

    private CfnWorkGroup CreateWorkGroup() =>
        new(this, "WorkGroup", new CfnWorkGroupProps
        {
            Name = "purchase-pipeline-" + Names.UniqueResourceName(this, new UniqueResourceNameOptions { MaxLength = 40 }).ToLowerInvariant(),
            Description = "purchase-pipeline data-quality rules",
            State = "ENABLED",
            RecursiveDeleteOption = true,
            WorkGroupConfiguration = new CfnWorkGroup.WorkGroupConfigurationProperty
            {
                EnforceWorkGroupConfiguration = true,
                PublishCloudWatchMetricsEnabled = true,
                ResultConfiguration = new CfnWorkGroup.ResultConfigurationProperty
                {
                    OutputLocation = Storage.Uri(LakePrefixes.AthenaResults),
                    EncryptionConfiguration = new CfnWorkGroup.EncryptionConfigurationProperty { EncryptionOption = "SSE_S3" },
                },
            },
        });
}
