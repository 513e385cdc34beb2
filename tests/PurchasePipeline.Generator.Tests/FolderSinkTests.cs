using PurchasePipeline.Generator.Sinks;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Generator.Tests;

public sealed class FolderSinkTests
{
    [Fact]
    public async Task PutAsync_NewKey_WritesFileAndLeavesNoTemporaryFile()
    {
        using var root = new TempDirectory();
        var sink = new FolderSink(root.Path);

        await sink.PutAsync("raw/2026/11/01/a.csv", "x,y\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal("x,y\n", File.ReadAllText(root.Combine("raw", "2026", "11", "01", "a.csv")));
        Assert.Single(Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutAsync_ExistingKey_ReplacesTheFile()
    {
        using var root = new TempDirectory();
        var sink = new FolderSink(root.Path);

        await sink.PutAsync("a.csv", "old, and longer\n"u8.ToArray(), CancellationToken.None);
        await sink.PutAsync("a.csv", "new\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal("new\n", File.ReadAllText(root.Combine("a.csv")));
    }

    [Theory]
    [InlineData("../outside.csv")]
    [InlineData("/etc/outside.csv")]
    [InlineData("raw//a.csv")]
    [InlineData("raw\\a.csv")]
    public async Task PutAsync_KeyThatLeavesTheRoot_ThrowsAndWritesNothing(string key)
    {
        using var root = new TempDirectory();
        var sink = new FolderSink(root.Combine("out"));

        await Assert.ThrowsAsync<ArgumentException>(() => sink.PutAsync(key, "x"u8.ToArray(), CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }
}
