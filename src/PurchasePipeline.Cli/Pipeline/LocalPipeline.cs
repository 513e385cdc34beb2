using System.Diagnostics;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Core.Validation;
using PurchasePipeline.Local.Crawler;
using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Validation;

namespace PurchasePipeline.Cli.Pipeline;

/// <summary>
/// The pipeline's stages run in sequence on the local plane, for one landed object: crawl, ETL job,
/// validation, dashboard refresh. (The state machine, when it lands, runs these same stages.)
/// </summary>
internal sealed class LocalPipeline(LocalHome home, TimeProvider time)
{
    /// <summary>Runs every stage; a failing stage ends the run with its error and cause, never an exception.</summary>
    public async Task<PipelineRun> RunAsync(string key, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stage = "Crawl";
        RunManifest? manifest = null;
        ValidationReport? validation = null;
        try
        {
            progress?.Report("crawling raw/");
            new LocalCrawler(home).Crawl();

            stage = "EtlJob";
            progress?.Report("running the ETL job");
            manifest = new LocalEtlJob(home, time).Run(new EtlRunOptions { Progress = progress }, cancellationToken);

            stage = "Validate";
            progress?.Report("validating " + manifest.RunId);
            validation = new LocalValidator(home).Validate(manifest.RunId);
            if (!validation.Passed)
            {
                return new PipelineRun(key, manifest, validation, stage, "ValidationFailed",
                    "rules failed: " + string.Join(", ", validation.FailedRules), clock.Elapsed);
            }

            stage = "RefreshDashboard";
            progress?.Report("refreshing the dashboard");
            await DashboardPublisher.PublishAsync(home, time, cancellationToken).ConfigureAwait(false);
            return new PipelineRun(key, manifest, validation, null, null, null, clock.Elapsed);
        }
        catch (PipelineException e)
        {
            return new PipelineRun(key, manifest, validation, stage, e.ErrorName, e.Message, clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            return new PipelineRun(key, manifest, validation, stage, e.GetType().Name, e.Message.Split('\n')[0], clock.Elapsed);
        }
    }
}
