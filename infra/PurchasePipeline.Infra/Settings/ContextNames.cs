namespace PurchasePipeline.Infra.Settings;

/// <summary>The context keys the app reads (<c>cdk synth -c name=value</c> or cdk.json's "context").</summary>
public static class ContextNames
{
    public const string FunctionsPath = "functionsPath";
    public const string AlertEmail = "alertEmail";
    public const string QuickSightDatasetId = "quickSightDatasetId";
    public const string DatabaseName = "databaseName";
    public const string GlueWorkerType = "glueWorkerType";
    public const string GlueWorkers = "glueWorkers";
    public const string GlueJobTimeoutMinutes = "glueJobTimeoutMinutes";
    public const string CrawlerPollSeconds = "crawlerPollSeconds";
    public const string JobPollSeconds = "jobPollSeconds";
    public const string ValidationPollSeconds = "validationPollSeconds";
    public const string RefreshPollSeconds = "refreshPollSeconds";
    public const string MaxPolls = "maxPolls";
    public const string ScratchRetentionDays = "scratchRetentionDays";
    public const string NoncurrentVersionDays = "noncurrentVersionDays";
}
