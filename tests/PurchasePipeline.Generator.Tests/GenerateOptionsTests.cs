using PurchasePipeline.Generator.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Generator.Tests;

public sealed class GenerateOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new GenerateOptions { Out = "out" };

        Assert.Equal((3, 1000, 42, 0.05, OutputFormat.Csv, null, false), (options.Files, options.Rows, options.Seed, options.DirtyRate, options.Format, options.Every, options.IncludeUsers));
        Assert.Equal(GenerateOptions.DefaultStartDate, options.StartDate);
        options.Validate();
    }

    [Theory]
    [InlineData(0, "--files must be at least 1")]
    [InlineData(-3, "--files must be at least 1")]
    [InlineData(1_000_000, "--files must be at most 999999")]
    public void Validate_Files_OutOfRange_ThrowsOneLineMessage(int files, string message) =>
        AssertInvalid(Some.Options() with { Files = files }, message);

    [Theory]
    [InlineData(0, "--rows must be at least 1")]
    [InlineData(1_000_001, "--rows must be at most 1000000")]
    public void Validate_Rows_OutOfRange_ThrowsOneLineMessage(int rows, string message) =>
        AssertInvalid(Some.Options() with { Rows = rows }, message);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Validate_DirtyRate_OutsideZeroToOne_ThrowsOneLineMessage(double rate) =>
        AssertInvalid(Some.Options() with { DirtyRate = rate }, "--dirty-rate must be between 0 and 1");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Out_Blank_ThrowsOneLineMessage(string output) =>
        AssertInvalid(Some.Options(output), "--out is required: a folder or s3://bucket/prefix");

    [Fact]
    public void Validate_Out_S3WithoutBucket_ThrowsOneLineMessage() =>
        AssertInvalid(Some.Options("s3:///prefix"), "--out s3://... needs a bucket name, e.g. s3://my-bucket/landing");

    [Fact]
    public void Validate_Every_NotPositive_ThrowsOneLineMessage() =>
        AssertInvalid(Some.Options() with { Every = TimeSpan.Zero }, "--every must be a positive duration");

    [Fact]
    public void Validate_DaysPastYear9999_ThrowsOneLineMessage() =>
        AssertInvalid(Some.Options() with { StartDate = new DateOnly(9999, 12, 30), Files = 3 }, "--files days from the start date run past the year 9999");

    [Fact]
    public async Task RunAsync_InvalidOptions_ThrowsBeforeWritingAnything()
    {
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            GeneratorRunner.RunAsync(Some.Options(output.Path) with { Rows = 0 }, null, CancellationToken.None));

        Assert.Equal("--rows must be at least 1", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    private static void AssertInvalid(GenerateOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
