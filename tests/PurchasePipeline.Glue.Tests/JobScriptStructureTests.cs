using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// scripts/check_job_script.py reads the job with Python's ast module: the bookmark is committed last,
/// after the writes; every bookmarked source has its own transformation_ctx; the SQL comes from the folder.
/// The fake jobs below show each rule can fail.
/// </summary>
[Trait("Requires", "python3")]
public sealed class JobScriptStructureTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Check_JobScript_Passes()
    {
        var run = await CheckAsync(GluePaths.JobScript);

        PythonAssert.Succeeded(run);
    }

    [Fact]
    public async Task Check_CommitBeforeTheWrites_Fails()
    {
        var run = await CheckAsync(FakeJob("""
            def publish(frame):
                frame.write.parquet("s3://bucket/clean/")

            def main(job, frame):
                job.commit()
                publish(frame)
            """));

        PythonAssert.FailedSaying(run, "job.commit() is not the last statement of main()", "follows no call that writes");
    }

    [Fact]
    public async Task Check_CommitInsideTry_Fails()
    {
        var run = await CheckAsync(FakeJob("""
            def publish(s3):
                s3.put_object(Bucket="b", Key="manifests/r.json", Body=b"{}")

            def main(job, s3):
                try:
                    publish(s3)
                finally:
                    job.commit()
            """));

        PythonAssert.FailedSaying(run, "job.commit() is inside a Try statement of main()");
    }

    [Fact]
    public async Task Check_RepeatedOrMissingTransformationContext_Fails()
    {
        var run = await CheckAsync(FakeJob("""
            def read(glue):
                csv = glue.create_dynamic_frame.from_options(format="csv", transformation_ctx="raw")
                jsonl = glue.create_dynamic_frame.from_options(format="json", transformation_ctx="raw")
                other = glue.create_dynamic_frame.from_options(format="json")
                return csv, jsonl, other
            """));

        PythonAssert.FailedSaying(run, "transformation_ctx 'raw' is also used", "from_options(...) has no transformation_ctx");
    }

    [Fact]
    public async Task Check_HardCodedSqlFiles_Fails()
    {
        var run = await CheckAsync(FakeJob("""
            TRANSFORM = ["01_typed_purchases.sql", "03_clean_purchases.sql"]
            AGGREGATES = ["agg_daily_category"]
            """));

        PythonAssert.FailedSaying(run, "names 01_typed_purchases.sql", "names agg_daily_category");
    }

    [Fact]
    public async Task Check_JobWithoutAViewTheReadmeSaysTheRunnerProvides_FailsNamingIt()
    {
        // Regression: the job gave rejected_purchases no existing_rejected, so re-delivered bad rows were stored again.
        var run = await CheckAsync(FakeJob("""
            VIEWS = ["raw_purchases", "existing_purchases", "users"]

            def main(job, frame):
                frame.write.parquet("s3://bucket/clean/")
                job.commit()
            """));

        PythonAssert.FailedSaying(run, "the job provides no view existing_rejected, which sql/README.md says the runner provides");
    }

    private static Task<PythonRun> CheckAsync(string job) =>
        Python.ScriptAsync("check_job_script.py", job, GluePaths.SqlFolder);

    private string FakeJob(string text)
    {
        var path = temp.Combine("fake_job_" + Guid.NewGuid().ToString("N")[..8] + ".py");
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
