using PurchasePipeline.Core.Settings;
using PurchasePipeline.Local.Adapters;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// The values the local plane substitutes for the definition's ${Placeholders} (CDK substitutes the
/// AWS ones). Task ARNs name local functions that the local task invoker binds to the same handlers
/// the Lambdas run.
/// </summary>
internal static class LocalSettings
{
    public const string Region = "local";
    public const string Account = "000000000000";
    public const string StateMachineName = "purchase-pipeline";
    public const string BucketName = "purchase-pipeline-local";
    public const string AlertTopicArn = Local.Alerts.AlertFolder.TopicArn;
    public const string CrawlerName = "purchase-pipeline-raw";
    public const string EtlJobName = "clean_purchases";

    public static string StateMachineArn => $"arn:aws:states:{Region}:{Account}:stateMachine:{StateMachineName}";

    public static string FunctionArn(string function) => $"arn:aws:lambda:{Region}:{Account}:function:purchase-pipeline-{function}";

    public static string ExecutionArn(string name) => $"arn:aws:states:{Region}:{Account}:execution:{StateMachineName}:{name}";

    /// <summary>Every placeholder of statemachine/purchase-pipeline.asl.json and event-pattern.json, with its local value.</summary>
    public static IReadOnlyDictionary<string, string> Substitutions(IEnumerable<string> functionNames)
    {
        var values = new Dictionary<string, string>(PollBudget.Local.Substitutions(), StringComparer.Ordinal)
        {
            ["AlertTopicArn"] = AlertTopicArn,
            ["CrawlerName"] = CrawlerName,
            ["EtlJobName"] = EtlJobName,
            ["QuickSightDatasetId"] = LocalDatasetService.DashboardDatasetId,
            ["Region"] = Region,
            ["BucketName"] = BucketName,
        };
        foreach (var name in functionNames)
        {
            values[name + "FunctionArn"] = FunctionArn(name);
        }

        return values;
    }

    /// <summary>Replaces every ${Name} the dictionary knows; unknown placeholders are left for validation to report.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
