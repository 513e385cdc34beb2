using System.Text.Json;
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
[Trait("Requires", "node")]
[Trait("Requires", "python3")]
public sealed class JobLaunchTests(GlueLaunch glue) : IClassFixture<GlueLaunch>, IDisposable
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
        var outcome = Outcome(run);
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
        var (bucket, prefix) = SplitS3(glue.Argument("--lake_path"));
        var manifest = JsonNode.Parse(File.ReadAllText(s3.Combine(bucket, prefix + $"manifests/{glue.JobRunId}.json")))!;
        Assert.Equal(glue.JobRunId, (string?)manifest["run_id"]);
        Assert.Equal(glue.JobName, (string?)manifest["job_name"]);
        var calls = Calls(run);
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
        var calls = Calls(run);
        var sources = calls.Where(call => (string?)call["call"] == DiscoverySource).ToList();
        Assert.Equal(2, sources.Count); // *.csv and *.jsonl, each with its own bookmark
        var columns = sources.Select(source => (string?)source["kwargs"]!["connection_options"]!["attachFilename"]).Distinct().ToList();
        var column = Assert.Single(columns);
        Assert.False(string.IsNullOrEmpty(column), "the discovery source asks for no attachFilename column");
        Assert.Contains(calls, call => (string)call["call"]! != DiscoverySource && call.ToJsonString().Contains(column, StringComparison.Ordinal));
        Assert.DoesNotContain(calls, call => call.ToJsonString().Contains("input_file_name", StringComparison.Ordinal));
    }

    private async Task<PythonRun> LaunchAsync(string stop, IReadOnlyList<string> argv)
    {
        // The SQL files where the stack's custom resource copies them: under --sql_path.
        var (bucket, prefix) = SplitS3(glue.Argument("--sql_path"));
        var folder = s3.Combine(bucket, prefix);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(GluePaths.SqlFolder, "*.sql"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return await Python.ScriptAsync("launch_job.py", [GluePaths.JobScript, s3.Path, stop, "--", .. argv]);
    }

    private static JsonObject Outcome(PythonRun run)
    {
        try
        {
            return JsonNode.Parse(run.StandardOutput)!.AsObject();
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"launch_job.py printed no JSON ({error.Message}): {run}", error);
        }
    }

    private static List<JsonObject> Calls(PythonRun run) => [.. Outcome(run)["calls"]!.AsArray().Select(call => call!.AsObject())];

    private static (string Bucket, string Prefix) SplitS3(string uri)
    {
        Assert.StartsWith("s3://", uri, StringComparison.Ordinal);
        var path = uri["s3://".Length..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (path, string.Empty) : (path[..slash], path[(slash + 1)..]);
    }
}
