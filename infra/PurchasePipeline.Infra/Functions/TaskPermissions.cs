using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Infra.Catalog;

namespace PurchasePipeline.Infra.Functions;

/// <summary>
/// What each task function may call, on which resources: exactly the API calls of its task (see the
/// ports in PurchasePipeline.Core) and what AWS does with the caller's permissions for them, never a
/// wildcard action. Infra.Tests' TaskRolesTests runs every function against a fake AWS and checks both ways.
/// </summary>
internal sealed class TaskPermissions
{
    private readonly TaskFunctionsProps props;
    private readonly Dictionary<string, Func<PolicyStatement[]>> byTask;

    public TaskPermissions(TaskFunctionsProps props)
    {
        this.props = props;
        byTask = new Dictionary<string, Func<PolicyStatement[]>>(StringComparer.Ordinal)
        {
            ["StartCrawler"] = () => [Allow(props.Catalog.CrawlerArn, "glue:StartCrawler")],
            ["GetCrawlerState"] = () => [Allow(props.Catalog.CrawlerArn, "glue:GetCrawler")],
            ["StartEtlJob"] = () =>
            [
                Allow(props.EtlJob.JobArn, "glue:StartJobRun", "glue:GetJobRuns", "glue:ResetJobBookmark"),
                // The manifests of the runs it may join, to find the one that read the execution's object.
                Allow(props.Storage.ObjectsArn(LakePrefixes.Manifests), "s3:GetObject"),
            ],
            ["GetJobRun"] = () =>
            [
                Allow(props.EtlJob.JobArn, "glue:GetJobRun"),
                Allow(props.Storage.ObjectsArn(LakePrefixes.Manifests), "s3:GetObject"),
            ],
            ["StartValidation"] = StartValidation,
            // GetQueryResults streams the result object with the caller's s3:GetObject (Athena API Reference, GetQueryResults).
            ["GetValidationResult"] = () =>
            [
                Allow(props.Catalog.WorkGroupArn, "athena:GetQueryExecution", "athena:GetQueryResults"),
                Allow(props.Storage.ObjectsArn(LakePrefixes.AthenaResults), "s3:GetObject"),
            ],
            // RefreshDatasetTask asks for the run's ingestion before it creates it.
            ["RefreshDataset"] = () => QuickSight("quicksight:DescribeIngestion", "quicksight:CreateIngestion"),
            ["GetRefreshStatus"] = () => QuickSight("quicksight:DescribeIngestion"),
        };
    }

    /// <exception cref="InvalidOperationException">A catalog function has no permissions defined here.</exception>
    public PolicyStatement[] For(string task) =>
        byTask.TryGetValue(task, out var statements)
            ? statements()
            : throw new InvalidOperationException($"FunctionCatalog has {task}, for which TaskPermissions defines no permissions");

    /// <summary>Athena runs the query with the caller's permissions: catalog reads, the lake's data, the result location.</summary>
    private PolicyStatement[] StartValidation()
    {
        var catalog = props.Catalog;
        var storage = props.Storage;
        return
        [
            Allow(catalog.WorkGroupArn, "athena:StartQueryExecution"),
            new(new PolicyStatementProps
            {
                Actions = ["glue:GetDatabase", "glue:GetTable", "glue:GetPartitions"],
                Resources = [catalog.CatalogArn, catalog.DatabaseArn, .. LakeTables.All.Select(catalog.TableArn)],
            }),
            new(new PolicyStatementProps
            {
                Actions = ["s3:GetObject"],
                Resources = [.. new[] { LakePrefixes.CleanPurchases, LakePrefixes.RejectedPurchases, LakePrefixes.Manifests }.Select(storage.ObjectsArn)],
            }),
            Allow(storage.ObjectsArn(LakePrefixes.AthenaResults), "s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"),
            Allow(storage.Bucket.BucketArn, "s3:GetBucketLocation", "s3:ListBucket"),
        ];
    }

    /// <summary>No dataset configured: the refresh states are skipped and the functions get no QuickSight access.</summary>
    private PolicyStatement[] QuickSight(params string[] actions)
    {
        var id = props.QuickSightDatasetId;
        if (id.Length == 0)
        {
            return [];
        }

        var stack = Stack.Of(props.Catalog);
        string Arn(string name) => stack.FormatArn(new ArnComponents { Service = "quicksight", Resource = "dataset", ResourceName = name });
        return [Allow([Arn(id), Arn(id + "/ingestion/*")], actions)];
    }

    private static PolicyStatement Allow(string resource, params string[] actions) => Allow([resource], actions);

    private static PolicyStatement Allow(string[] resources, params string[] actions) =>
        new(new PolicyStatementProps { Actions = actions, Resources = resources });
}
