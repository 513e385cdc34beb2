using Amazon.Runtime;
using PurchasePipeline.Aws;
using PurchasePipeline.Aws.Sns;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Settings;
using PurchasePipeline.Functions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// The definition on the embedded engine against real AWS services: every task handler with the AWS
/// adapters (credentials from the default chain; AWS_REGION, AWS_ENDPOINT_URL[_SERVICE] and the
/// AwsSettings variables honoured), names of the deployed crawler, job and dataset from the environment.
/// The alert rule's message for an execution that did not succeed goes to the real SNS topic
/// (PURCHASE_PIPELINE_ALERT_TOPIC_ARN, endpoint AWS_ENDPOINT_URL_SNS), with the local copy in alerts/ and the
/// console line; a publish SNS refuses is said on the console and changes nothing of the execution.
/// </summary>
internal static class AwsPlane
{
    public const string CrawlerVariable = "PURCHASE_PIPELINE_CRAWLER";
    public const string JobVariable = "PURCHASE_PIPELINE_JOB";
    public const string DatasetVariable = "PURCHASE_PIPELINE_DATASET_ID";
    public const string AlertTopicVariable = "PURCHASE_PIPELINE_ALERT_TOPIC_ARN";

    /// <summary>The host with every variable read from <paramref name="environment"/>; <paramref name="credentials"/> null takes the default chain.</summary>
    /// <exception cref="MissingSettingException">A variable the run needs is not set.</exception>
    public static PipelineHost CreateHost(
        LocalHome home, TimeProvider time, double waitScale, Action<string>? show, Func<string, string?> environment, AWSCredentials? credentials)
    {
        string Required(string variable) =>
            environment(variable) is { Length: > 0 } value ? value : throw new MissingSettingException(variable, "run --plane aws");

        var substitutions = new Dictionary<string, string>(LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name)), StringComparer.Ordinal)
        {
            ["CrawlerName"] = Required(CrawlerVariable),
            ["EtlJobName"] = Required(JobVariable),
            ["AlertTopicArn"] = Required(AlertTopicVariable),
            ["QuickSightDatasetId"] = environment(DatasetVariable) ?? string.Empty,
            ["Region"] = AwsSettings.ReadRegion(environment),
        };
        foreach (var (name, value) in PollBudget.Deployed.Substitutions())
        {
            substitutions[name] = value;
        }

        var ports = AwsTaskPorts.Create(environment, time, credentials);
        return new PipelineHost(home, time, waitScale, show, ports, substitutions, SnsClient.Create(environment, time, credentials));
    }
}
