using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>The Glue job (its script and its package's modules) is valid Python 3.11 (Glue 5.0's), checked without Spark or Glue.</summary>
[Trait("Requires", "python3")]
public sealed class JobScriptCompileTests
{
    [Fact]
    public async Task PyCompile_JobFiles_ExitsZero()
    {
        var run = await Python.RunAsync(["-m", "py_compile", .. GluePaths.JobFiles]);

        PythonAssert.Succeeded(run);
    }

    [Fact]
    public async Task PyCompile_BrokenCopy_FailsWithTheSyntaxError()
    {
        using var temp = new TempDirectory();
        var copy = temp.Combine("clean_purchases.py");
        File.WriteAllText(copy, File.ReadAllText(GluePaths.JobScript) + "\ndef broken(:\n    pass\n");

        var run = await Python.RunAsync("-m", "py_compile", copy);

        PythonAssert.FailedSaying(run, "SyntaxError");
    }
}
