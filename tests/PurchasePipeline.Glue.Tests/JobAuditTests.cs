using System.Text.Json.Nodes;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Validation;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// Write-audit-publish on the Glue job (issue 9, finding 7): the job used to publish first and leave the rules to
/// Athena afterwards, so a broken rule left the bad rows visible. Launched as Glue launches it (<see cref="GlueLaunch"/>),
/// on the row-carrying Spark and Glue of scripts/scripted_glue.py: the transform's views hold the rows the scenario
/// gives them, each glue/validation rule answers the scenario's offending count, and the lake is a folder.
/// </summary>
/// <remarks>
/// The bookmark moves only in Job.commit(): awsglue's Job.commit calls the Glue runtime's Job.commit and nothing
/// else does (awslabs/aws-glue-libs, branch glue-5.0, awsglue/job.py); the AWS Glue guide ("Using job bookmarks")
/// has job.commit update the bookmark's state, so a run that ends before it leaves its objects new for the next run.
/// </remarks>
[Collection(GlueLaunch.Collection)]
[Trait("Requires", "node")]
[Trait("Requires", "python3")]
public sealed class JobAuditTests(GlueLaunch glue) : IDisposable
{
    private const string Commit = "awsglue.job.Job().commit";

    private readonly TempDirectory s3 = new();

    public void Dispose() => s3.Dispose();

    private ScriptedLaunch CreateSut()
    {
        var launch = new ScriptedLaunch(glue, s3);
        launch.LandCsv("2026/11/25/a.csv");
        return launch;
    }

    [Fact]
    public async Task Launch_StagedRunBreaksARule_FailsNamingItAndItsCount_PublishesNothing_DoesNotCommit()
    {
        var launch = CreateSut();

        var run = await launch.RunAsync(new JsonObject { ["no_negative_amounts"] = 3 });

        PythonAssert.FailedSaying(run, $"clean_purchases: data-quality check of staged run {glue.JobRunId} failed, nothing published: no_negative_amounts (3 offending)");
        Assert.Empty(launch.LakeFiles());
        Assert.DoesNotContain(LaunchOutcome.Calls(run), call => (string?)call["call"] == Commit);
    }

    [Fact]
    public async Task Launch_StagedRunPassesEveryRule_PublishesWritesTheManifest_ThenCommits()
    {
        var launch = CreateSut();

        var run = await launch.RunAsync();

        PythonAssert.Succeeded(run);
        Assert.Equal(
            [$"{LakePrefixes.CleanPurchases}purchase_date={ScriptedLaunch.Date}/", LakePrefixes.ManifestKey(glue.JobRunId), $"{LakePrefixes.RejectedPurchases}run_id={glue.JobRunId}/"],
            launch.LakeFiles().Select(file => file.Contains('=', StringComparison.Ordinal) ? file[..(file.LastIndexOf('/') + 1)] : file).Distinct());
        Assert.Equal(Commit, (string?)LaunchOutcome.Calls(run)[^1]["call"]);
    }

    /// <summary>Each rule runs once over the staged run with its ? parameters bound to the run id, as the pipeline binds them for Athena.</summary>
    [Fact]
    public async Task Launch_Audit_RunsEveryRuleWithTheRunIdForEachParameter_OverTheManifestAboutToBeWritten()
    {
        var launch = CreateSut();

        var run = await launch.RunAsync();

        PythonAssert.Succeeded(run);
        var calls = LaunchOutcome.Calls(run);
        var rules = Directory.GetFiles(GluePaths.ValidationFolder, "*.sql").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            rules.Select(file => (Path.GetFileNameWithoutExtension(file), string.Join(',', RuleParameters.For(File.ReadAllText(file), glue.JobRunId)))),
            calls.Where(call => (string?)call["call"] == "SparkSession.sql" && call["kwargs"]!["args"] is JsonArray)
                .Select(call => ((string)call["args"]![0]!, string.Join(',', call["kwargs"]!["args"]!.AsArray().Select(a => (string)a!)))));
        var manifests = calls.Single(call => (string?)call["call"] == "SparkSession.createDataFrame" && ((string?)call["args"]![1])!.StartsWith("run_id string, rows_in", StringComparison.Ordinal));
        Assert.Equal($"[[\"{glue.JobRunId}\",3,2,1,0]]", manifests["args"]![0]!.ToJsonString());
        Assert.DoesNotContain(launch.LakeFiles(), key => key.StartsWith(LakePrefixes.Staging, StringComparison.Ordinal));
    }
}
