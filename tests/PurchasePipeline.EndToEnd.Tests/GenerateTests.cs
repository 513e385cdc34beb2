using PurchasePipeline.Core.Schema;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests;

public sealed class GenerateTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Generate_ToFolder_WritesOneObjectPerBatchUnderRawDate()
    {
        var result = await CliHarness.RunAsync("generate", "--out", temp.Path, "--files", "2", "--rows", "50", "--seed", "3");

        Assert.Equal(0, result.ExitCode);
        var files = Directory.GetFiles(temp.Combine("raw"), "*.csv", SearchOption.AllDirectories);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Equal(PurchaseSchema.CsvHeader, File.ReadLines(f).First()));
    }

    [Fact]
    public async Task Generate_BadEvery_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("generate", "--out", temp.Path, "--every", "soon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--every", result.Error, StringComparison.Ordinal);
    }
}
