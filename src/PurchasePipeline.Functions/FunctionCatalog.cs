using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>
/// The eight task functions, defined once: the CDK reads names and handler strings from here, the local
/// plane binds each <c>${NameFunctionArn}</c> resource of the definition to <see cref="TaskFunctionInfo.Create"/>.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>Every function, in the order the state machine runs them.</summary>
    public static IReadOnlyList<TaskFunctionInfo> All { get; } =
    [
        new("StartCrawler", typeof(StartCrawlerFunction), typeof(StartCrawlerRequest), typeof(CrawlerResult),
            ports => new StartCrawlerFunction(ports.Crawler)),
        new("GetCrawlerState", typeof(GetCrawlerStateFunction), typeof(GetCrawlerStateRequest), typeof(CrawlerResult),
            ports => new GetCrawlerStateFunction(ports.Crawler)),
        new("StartEtlJob", typeof(StartEtlJobFunction), typeof(StartEtlJobRequest), typeof(JobRunResult),
            ports => new StartEtlJobFunction(ports.EtlJob, ports.RunManifests)),
        new("GetJobRun", typeof(GetJobRunFunction), typeof(GetJobRunRequest), typeof(JobRunResult),
            ports => new GetJobRunFunction(ports.EtlJob, ports.RunManifests)),
        new("StartValidation", typeof(StartValidationFunction), typeof(StartValidationRequest), typeof(ValidationResult),
            ports => new StartValidationFunction(ports.Query, ports.ValidationRules)),
        new("GetValidationResult", typeof(GetValidationResultFunction), typeof(GetValidationResultRequest), typeof(ValidationResult),
            ports => new GetValidationResultFunction(ports.Query)),
        new("RefreshDataset", typeof(RefreshDatasetFunction), typeof(RefreshDatasetRequest), typeof(RefreshResult),
            ports => new RefreshDatasetFunction(ports.Dataset)),
        new("GetRefreshStatus", typeof(GetRefreshStatusFunction), typeof(GetRefreshStatusRequest), typeof(RefreshResult),
            ports => new GetRefreshStatusFunction(ports.Dataset)),
    ];

    /// <summary>The function of that name (StartCrawler …).</summary>
    /// <exception cref="KeyNotFoundException">No function has that name.</exception>
    public static TaskFunctionInfo Get(string name) =>
        All.FirstOrDefault(function => function.Name == name)
        ?? throw new KeyNotFoundException($"no task function {name}; known: {string.Join(", ", All.Select(function => function.Name))}");

    /// <summary>The function whose ARN placeholder a Task state's Resource is (<c>${StartCrawlerFunctionArn}</c>), or null.</summary>
    public static TaskFunctionInfo? FindByResource(string resource) =>
        All.FirstOrDefault(function => resource == "${" + function.ArnPlaceholder + "}");
}
