namespace PurchasePipeline.Functions;

/// <summary>
/// The eight task functions, each listed once by its entry class (name, handler string and payload types are
/// read from the class): the CDK reads names and handler strings from here, the local plane binds each
/// <c>${NameFunctionArn}</c> resource of the definition to <see cref="TaskFunctionInfo.Create"/>.
/// </summary>
/// <remarks>A compile-time list rather than an assembly scan: no reflection at startup, as the AOT analyzers want.</remarks>
public static class FunctionCatalog
{
    /// <summary>Every function, in the order the state machine runs them.</summary>
    public static IReadOnlyList<TaskFunctionInfo> All { get; } =
    [
        TaskFunctionInfo.Of(ports => new StartCrawlerFunction(ports)),
        TaskFunctionInfo.Of(ports => new GetCrawlerStateFunction(ports)),
        TaskFunctionInfo.Of(ports => new StartEtlJobFunction(ports)),
        TaskFunctionInfo.Of(ports => new GetJobRunFunction(ports)),
        TaskFunctionInfo.Of(ports => new StartValidationFunction(ports)),
        TaskFunctionInfo.Of(ports => new GetValidationResultFunction(ports)),
        TaskFunctionInfo.Of(ports => new RefreshDatasetFunction(ports)),
        TaskFunctionInfo.Of(ports => new GetRefreshStatusFunction(ports)),
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
