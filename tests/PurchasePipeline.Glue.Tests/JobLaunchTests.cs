using System.Text.Json.Nodes;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// The job launched as Glue 5.0 launches it (scripts/launch_job.py): sys.argv built from the synthesized
/// job definition and the StartJobRun our adapter sends (<see cref="GlueLaunch"/>), parsed by
/// scripts/glue_args.py, our re-implementation of awsglue.utils.getResolvedOptions (awslabs/aws-glue-libs,
/// branch glue-5.0, awsglue/utils.py and awsglue/job.py); Spark, the Glue context and S3 are the recording
/// stand-ins of scripts/glue_fakes.py.
/// </summary>
[Collection(GlueLaunch.Collection)]
[Trait("Requires", "node")]
[Trait("Requires", "python3")]
public sealed class JobLaunchTests(GlueLaunch glue) : IDisposable
{
    private const string FirstSparkCall = "pyspark.context.SparkContext.getOrCreate";
    private const string DiscoverySource = "awsglue.context.GlueContext().create_dynamic_frame.from_options";

    private readonly TempDirectory s3 = new();

    public void Dispose() => s3.Dispose();

    [Fact]
    public async Task Launch_RunStartedByThePipeline_ReachesTheFirstSparkCall()
    {
        var run = await LaunchAsync("pyspark.", glue.Argv());

        PythonAssert.Succeeded(run);
        var outcome = LaunchOutcome.Of(run);
        Assert.Equal("stopped", (string?)outcome["outcome"]);
        Assert.Equal(FirstSparkCall, (string?)outcome["at"]);
    }

    [Fact]
    public async Task Launch_WithoutTheLakePath_FailsNamingTheMissingArgument()
    {
        var run = await LaunchAsync("pyspark.", glue.Argv(dropped: "--lake_path"));

        PythonAssert.FailedSaying(run, "the following arguments are required: --lake_path");
    }

    [Fact]
    public async Task Launch_WithoutARunId_FailsSayingGluePassesIt()
    {
        var run = await LaunchAsync("pyspark.", glue.Argv(dropped: "--JOB_RUN_ID"));

        PythonAssert.FailedSaying(run, "clean_purchases: --JOB_RUN_ID is missing: Glue passes it to every job run");
    }

    [Fact]
    public async Task Launch_RunWithNoNewObjects_WritesTheManifestOfTheRunGlueStarted_ThenCommits()
    {
        var run = await LaunchAsync("-", glue.Argv());

        PythonAssert.Succeeded(run);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(glue.LocalPath(s3.Path, "--lake_path"), $"manifests/{glue.JobRunId}.json")))!;
        Assert.Equal(glue.JobRunId, (string?)manifest["run_id"]);
        Assert.Equal(glue.JobName, (string?)manifest["job_name"]);
        var calls = LaunchOutcome.Calls(run);
        var init = Assert.Single(calls, call => (string?)call["call"] == "awsglue.job.Job().init");
        Assert.Equal(glue.JobName, (string?)init["args"]![0]);
        Assert.Equal(glue.JobRunId, (string?)init["args"]![1]!["JOB_RUN_ID"]);
        Assert.Equal("awsglue.job.Job().commit", (string?)calls[^1]["call"]);
    }

    /// <summary>
    /// Which objects are new is read from the bookmarked DynamicFrame source. input_file_name() is not
    /// documented for DynamicFrame reads; the S3 connection option attachFilename is (AWS Glue guide,
    /// "Amazon S3 connection option reference", aws-glue-programming-etl-connect-s3-home): Glue adds the
    /// source file of each record in the column it names. The job must ask for it and read that column.
    /// </summary>
    [Fact]
    public async Task Discovery_BookmarkedSources_AttachTheFileName_AndTheJobReadsThatColumn()
    {
        var run = await LaunchAsync("-", glue.Argv());

        PythonAssert.Succeeded(run);
        var calls = LaunchOutcome.Calls(run);
        var sources = calls.Where(call => (string?)call["call"] == DiscoverySource).ToList();
        Assert.Equal(2, sources.Count); // *.csv and *.jsonl, each with its own bookmark
        var columns = sources.Select(source => (string?)source["kwargs"]!["connection_options"]!["attachFilename"]).Distinct().ToList();
        var column = Assert.Single(columns);
        Assert.False(string.IsNullOrEmpty(column), "the discovery source asks for no attachFilename column");
        Assert.Contains(calls, call => (string)call["call"]! != DiscoverySource && call.ToJsonString().Contains(column, StringComparison.Ordinal));
        Assert.DoesNotContain(calls, call => call.ToJsonString().Contains("input_file_name", StringComparison.Ordinal));
    }

    /// <summary>The job's modules reach it only through --extra-py-files, as on Glue: without it the script cannot start.</summary>
    [Fact]
    public async Task Launch_WithoutExtraPyFiles_FailsForWantOfTheJobsPackage()
    {
        var run = await LaunchAsync("pyspark.", glue.Argv(dropped: "--extra-py-files"));

        PythonAssert.FailedSaying(run, "No module named 'purchase_job'");
    }

    private async Task<PythonRun> LaunchAsync(string stop, IReadOnlyList<string> argv)
    {
        glue.PlaceSqlFiles(s3.Path);
        glue.PlacePackage(s3.Path);
        return await Python.ScriptAsync("launch_job.py", [GluePaths.JobScript, s3.Path, stop, "--", .. argv]);
    }
}
