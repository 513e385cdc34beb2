using Amazon.CDK;
using PurchasePipeline.Aws;

namespace PurchasePipeline.Infra.Functions;

/// <summary>
/// The environment of each task function: the <see cref="AwsSettings"/> variables of the services its task
/// calls and no more (AWS_REGION is set by Lambda itself). The Athena workgroup enforces its result
/// location, so ATHENA_OUTPUT_LOCATION is left unset.
/// </summary>
internal static class TaskEnvironment
{
    public static Dictionary<string, string> For(string task, TaskFunctionsProps props)
    {
        var athena = new Dictionary<string, string>
        {
            [AwsSettings.AthenaWorkGroupVariable] = props.Catalog.WorkGroupName,
            [AwsSettings.AthenaDatabaseVariable] = props.Catalog.DatabaseName,
        };
        var quickSight = new Dictionary<string, string> { [AwsSettings.QuickSightAccountIdVariable] = Stack.Of(props.Catalog).Account };
        return task switch
        {
            "StartCrawler" or "GetCrawlerState" => [],
            // Both read run manifests: StartEtlJob to find the run that read its object, GetJobRun to check it did.
            "StartEtlJob" or "GetJobRun" => new() { [AwsSettings.LakeBucketVariable] = props.Storage.Bucket.BucketName },
            "StartValidation" or "GetValidationResult" => athena,
            "RefreshDataset" or "GetRefreshStatus" => quickSight,
            _ => throw new InvalidOperationException($"FunctionCatalog has {task}, for which TaskEnvironment defines no environment"),
        };
    }
}
