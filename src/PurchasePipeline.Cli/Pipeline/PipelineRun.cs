using PurchasePipeline.Core.Runs;
using PurchasePipeline.Core.Validation;

namespace PurchasePipeline.Cli.Pipeline;

/// <summary>The outcome of running the pipeline for one landed object.</summary>
/// <param name="Key">The object that started the run.</param>
/// <param name="Manifest">The ETL run's manifest, when the job committed.</param>
/// <param name="Validation">The data-quality report, when validation ran.</param>
/// <param name="FailedStage">The stage that failed, or null.</param>
/// <param name="Error">The error name (as a state machine would see it), or null.</param>
/// <param name="Cause">A one-line cause, or null.</param>
/// <param name="Duration">Wall time of the run.</param>
internal sealed record PipelineRun(
    string Key,
    RunManifest? Manifest,
    ValidationReport? Validation,
    string? FailedStage,
    string? Error,
    string? Cause,
    TimeSpan Duration)
{
    public bool Succeeded => FailedStage is null;
}
