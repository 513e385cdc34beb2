using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// The definition on the embedded engine against real AWS services: every task handler with the AWS
/// adapters (credentials from the default chain; AWS_REGION, AWS_ENDPOINT_URL[_SERVICE] and the
/// AwsSettings variables honoured), names of the deployed crawler, job and dataset from the environment.
/// Alerts stay local (alerts/ and the console): SNS has no client here.
/// </summary>
internal static class AwsPlane
{
    public const string CrawlerVariable = "PURCHASE_PIPELINE_CRAWLER";
    public const string JobVariable = "PURCHASE_PIPELINE_JOB";
    public const string DatasetVariable = "PURCHASE_PIPELINE_DATASET_ID";

    /// <exception cref="MissingSettingException">A variable the run needs is not set.</exception>
    public static PipelineHost CreateHost(LocalHome home, TimeProvider time, double waitScale, Action<string>? show)
    {
        var substitutions = new Dictionary<string, string>(LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name)), StringComparer.Ordinal)
        {
            ["CrawlerName"] = Required(CrawlerVariable),
            ["EtlJobName"] = Required(JobVariable),
            ["QuickSightDatasetId"] = Environment.GetEnvironmentVariable(DatasetVariable) ?? string.Empty,
            ["CrawlerPollSeconds"] = "30",
            ["JobPollSeconds"] = "60",
            ["ValidationPollSeconds"] = "5",
            ["RefreshPollSeconds"] = "30",
            ["MaxPolls"] = "120",
            ["Region"] = Required("AWS_REGION"),
        };
        return new PipelineHost(home, time, waitScale, show, AwsTaskPorts.FromEnvironment(), substitutions);
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : throw new MissingSettingException(variable, "run --plane aws");
}
