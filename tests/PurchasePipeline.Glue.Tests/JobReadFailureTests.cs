using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// An object whose header passes the probe but whose content Spark's read fails on (issue 9, finding 3, on Glue): a
/// gzip stream broken past the probe's 64 KiB, a record the CSV parser refuses. Spark fails the whole job and names no
/// object, so the batch failed on every run. The job now reads each object of a failed batch on its own: one that
/// fails alone is quarantined with the cause, the rest are published, and the commit bookmarks both. Launched on
/// scripts/scripted_glue.py, whose read of an object the scenario lists fails as a Spark job does (Py4JJavaError).
/// </summary>
[Collection(GlueLaunch.Collection)]
[Trait("Requires", "node")]
[Trait("Requires", "python3")]
public sealed class JobReadFailureTests(GlueLaunch glue) : IDisposable
{
    // The shape of PySpark's message for a failed job: Py4J's call, Spark's stage failure, the task's cause, its stack.
    private const string GzipFailure = "An error occurred while calling o91.collectToPython.\n"
        + ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, most recent failure: "
        + "Lost task 0.3 in stage 3.0 (TID 7) (10.0.0.5 executor 1): java.util.zip.ZipException: invalid block type\n"
        + "\tat java.base/java.util.zip.InflaterInputStream.read(InflaterInputStream.java:165)\n";

    private const string S3Failure = "An error occurred while calling o91.collectToPython.\n"
        + ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, most recent failure: "
        + "Lost task 0.3 in stage 3.0 (TID 7): com.amazonaws.services.s3.model.AmazonS3Exception: Slow Down (Service: Amazon S3; Status Code: 503)\n";

    private readonly TempDirectory s3 = new();

    public void Dispose() => s3.Dispose();

    [Fact]
    public async Task Launch_ObjectWhoseReadFails_IsQuarantinedWithTheCause_TheOthersArePublished_AndTheRunCommits()
    {
        var launch = new ScriptedLaunch(glue, s3);
        var good = launch.LandCsv("2026/11/25/a.csv");
        var broken = launch.LandCsv("2026/11/25/b.csv.gz", readFailure: GzipFailure);

        var run = await launch.RunAsync();

        PythonAssert.Succeeded(run);
        var manifest = launch.Manifest();
        Assert.Equal([good], manifest["files"]!.AsArray().Select(file => (string?)file!["key"]));
        var quarantined = Assert.Single(manifest["quarantined"]!.AsArray())!;
        Assert.Equal((broken, "java.util.zip.ZipException: invalid block type"), ((string?)quarantined["key"], (string?)quarantined["reason"]));
        Assert.Equal(3, (int)manifest["rows_in"]!);
        Assert.Equal(2, (int)manifest["bookmark_after"]!["objects"]!);
        Assert.Equal("awsglue.job.Job().commit", (string?)LaunchOutcome.Calls(run)[^1]["call"]);
    }

    [Fact]
    public async Task Launch_ObjectWhoseReadFailsOnS3_EndsTheRunNamingIt_WithoutQuarantineOrCommit()
    {
        var launch = new ScriptedLaunch(glue, s3);
        launch.LandCsv("2026/11/25/a.csv");
        var throttled = launch.LandCsv("2026/11/25/b.csv", readFailure: S3Failure);

        var run = await launch.RunAsync();

        PythonAssert.FailedSaying(run, $"{throttled}: reading it failed, not for its content: com.amazonaws.services.s3.model.AmazonS3Exception: Slow Down");
        Assert.Empty(launch.LakeFiles());
        Assert.DoesNotContain(LaunchOutcome.Calls(run), call => (string?)call["call"] == "awsglue.job.Job().commit");
    }
}
