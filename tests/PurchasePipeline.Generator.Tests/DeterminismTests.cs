using PurchasePipeline.Generator.Tests.Support;
using PurchasePipeline.Generator.Users;
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
    public async Task RunAsync_SameSeedTwice_NamesTheSameObjects()
    {
        var (first, _) = await Generated.RunAsync(Some.Options() with { Seed = 5 });
        var (second, _) = await Generated.RunAsync(Some.Options() with { Seed = 5 });

        Assert.Equal(first.Objects.Keys.Order(StringComparer.Ordinal), second.Objects.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DifferentSeedsIntoOneFolder_KeepEveryFileOfBoth()
    {
        // Regression: the names depended on the date and batch number only, so a second generation with another
        // seed silently replaced the first one's files in the same raw folder.
        using var folder = new TempDirectory();
        await GeneratorRunner.RunAsync(Some.Options(folder.Path) with { Seed = 1 }, null, CancellationToken.None);
        var firstGeneration = Files(folder.Path).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(folder.Path, f)), StringComparer.Ordinal);

        await GeneratorRunner.RunAsync(Some.Options(folder.Path) with { Seed = 2 }, null, CancellationToken.None);

        var files = Files(folder.Path);
        Assert.Equal(2 * Some.Options().Files, files.Count);
        Assert.All(firstGeneration, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(folder.Path, f.Key))));
        Assert.All(files.Except(firstGeneration.Keys), f => Assert.Contains("-s2-", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DifferentSeeds_ProduceDifferentContent()
    {
        var (first, _) = await Generated.RunAsync(Some.Options() with { Seed = 1, IncludeUsers = true });
        var (second, _) = await Generated.RunAsync(Some.Options() with { Seed = 2, IncludeUsers = true });

        Assert.Contains(first.Objects, o => o.Key != UsersFile.Key);
        Assert.NotEqual(first.Objects[UsersFile.Key], second.Objects[UsersFile.Key]);
        Assert.All(
            first.Objects.Where(o => o.Key != UsersFile.Key),
            o => Assert.DoesNotContain(second.Objects.Values, other => other.AsSpan().SequenceEqual(o.Value)));
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}
