using PurchasePipeline.Core.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// The transform runs once (issue 11): the job computed clean_purchases a first time over an empty clean table to
/// learn the batch's dates, then again for real. Now it reads the dates from typed_purchases' valid rows, as the local
/// job does (glue/sql/README.md, "Binding order"), and Spark runs the views only when the outputs are staged. Launched on
/// scripts/scripted_glue.py, whose frames record the glue/sql view each action (collect, write) computes.
/// </summary>
[Collection(GlueLaunch.Collection)]
[Trait("Requires", "node")]
[Trait("Requires", "python3")]
public sealed class JobTransformTests(GlueLaunch glue) : IDisposable
{
    private readonly TempDirectory s3 = new();

    public void Dispose() => s3.Dispose();

    [Fact]
    public async Task Launch_BeforeStaging_NoViewButTypedPurchasesIsComputed_AndEachOutputIsStagedOnce()
    {
        var launch = new ScriptedLaunch(glue, s3);
        launch.LandCsv("2026/11/25/a.csv");

        var run = await launch.RunAsync();

        PythonAssert.Succeeded(run);
        var calls = LaunchOutcome.Calls(run);
        var staging = glue.Argument("--lake_path") + LakePrefixes.Staging;
        var firstStaged = calls.FindIndex(call => (string?)call["call"] == "DataFrame.write.parquet" && ((string?)call["args"]![0])!.StartsWith(staging, StringComparison.Ordinal));
        Assert.Equal(
            ["typed_purchases"],
            calls.Take(firstStaged).Where(call => (string?)call["call"] == "DataFrame.collect" && call["args"]![0] is not null).Select(call => (string?)call["args"]![0]));
        var staged = calls.Where(call => (string?)call["call"] == "DataFrame.write.parquet" && ((string?)call["args"]![0])!.StartsWith(staging, StringComparison.Ordinal))
            .Select(call => (string?)call["kwargs"]!["view"]).ToList();
        Assert.Equal(staged.Distinct(), staged);
        Assert.Contains("clean_purchases", staged);
    }
}
