using PurchasePipeline.Generator.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Generator.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task RunAsync_SameSeedTwiceToFolders_WritesByteIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        await GeneratorRunner.RunAsync(Some.Options(first.Path) with { IncludeUsers = true }, null, CancellationToken.None);
        await GeneratorRunner.RunAsync(Some.Options(second.Path) with { IncludeUsers = true }, null, CancellationToken.None);

        var files = Files(first.Path);
        Assert.Equal(3, files.Count);
        Assert.Equal(files, Files(second.Path));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
        }
    }

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.JsonLines)]
    public async Task RunAsync_SameSeedAndOptions_ProducesIdenticalBytes(OutputFormat format)
    {
        var options = Some.Options() with { Format = format, DirtyRate = 0.3, Seed = 7 };

        var (first, _) = await Generated.RunAsync(options);
        var (second, _) = await Generated.RunAsync(options);

        // Not empty: a generator that wrote nothing would produce "identical" output twice.
        Assert.NotEmpty(first.Objects);
        Assert.Equal(first.Objects.Keys.Order(), second.Objects.Keys.Order());
        Assert.All(first.Objects, o => Assert.Equal(o.Value, second.Objects[o.Key]));
    }

    [Fact]
    public async Task RunAsync_DifferentSeeds_ProduceDifferentContentUnderTheSameKeys()
    {
        var (first, _) = await Generated.RunAsync(Some.Options() with { Seed = 1, IncludeUsers = true });
        var (second, _) = await Generated.RunAsync(Some.Options() with { Seed = 2, IncludeUsers = true });

        Assert.NotEmpty(first.Objects);
        Assert.Equal(first.Objects.Keys.Order(), second.Objects.Keys.Order());
        Assert.All(first.Objects, o => Assert.NotEqual(o.Value, second.Objects[o.Key]));
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}
