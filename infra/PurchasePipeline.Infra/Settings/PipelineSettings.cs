using PurchasePipeline.Core.Settings;

namespace PurchasePipeline.Infra.Settings;

/// <summary>
/// What a deployment may choose, from the CDK context. Nothing is required: a plain <c>cdk deploy</c>
/// deploys with the defaults below. A value that is given must be usable, or synth stops with one
/// <see cref="InfraSettingsException"/> naming every bad value.
/// </summary>
public sealed record PipelineSettings
{
    /// <summary>A folder holding <c>dotnet publish</c> output of PurchasePipeline.Functions; null bundles at synth.</summary>
    public string? FunctionsPath { get; init; }

    /// <summary>Subscribed to the alert topic by email; null subscribes no one.</summary>
    public string? AlertEmail { get; init; }

    /// <summary>The QuickSight dataset to refresh; empty skips the refresh and grants no QuickSight access.</summary>
    public string QuickSightDatasetId { get; init; } = "";

    public string DatabaseName { get; init; } = "purchase_pipeline";

    public string GlueWorkerType { get; init; } = "G.1X";

    public int GlueWorkers { get; init; } = 2;

    public int GlueJobTimeoutMinutes { get; init; } = PollBudget.Deployed.JobTimeoutMinutes;

    public int CrawlerPollSeconds { get; init; } = PollBudget.Deployed.CrawlerPollSeconds;

    public int JobPollSeconds { get; init; } = PollBudget.Deployed.JobPollSeconds;

    public int ValidationPollSeconds { get; init; } = PollBudget.Deployed.ValidationPollSeconds;

    public int RefreshPollSeconds { get; init; } = PollBudget.Deployed.RefreshPollSeconds;

    public int MaxPolls { get; init; } = PollBudget.Deployed.MaxPolls;

    /// <summary>Days before _staging/ and athena-results/ objects expire.</summary>
    public int ScratchRetentionDays { get; init; } = 7;

    /// <summary>Days a replaced or deleted object's old version is kept.</summary>
    public int NoncurrentVersionDays { get; init; } = 30;

    public bool RefreshesDataset => QuickSightDatasetId.Length > 0;

    /// <summary>The definition's poll settings, the job's poll limit derived from <see cref="GlueJobTimeoutMinutes"/>.</summary>
    public PollBudget Polls => new(CrawlerPollSeconds, JobPollSeconds, ValidationPollSeconds, RefreshPollSeconds, MaxPolls, GlueJobTimeoutMinutes);
}
