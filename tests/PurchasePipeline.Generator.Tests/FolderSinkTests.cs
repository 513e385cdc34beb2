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

    /// <summary>A second generation with other options replaced the first one's objects silently; a versioned bucket keeps the earlier version.</summary>
    [Fact]
    public async Task PutAsync_ExistingKeyWithOtherContent_ReplacesTheFileKeepsTheEarlierVersionAndSaysSo()
    {
        using var root = new TempDirectory();
        var notices = new List<string>();
        var sink = new FolderSink(root.Path, notices.Add);

        await sink.PutAsync("raw/a.csv", "old, and longer\n"u8.ToArray(), CancellationToken.None);
        await sink.PutAsync("raw/a.csv", "new\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal("new\n", File.ReadAllText(root.Combine("raw", "a.csv")));
        var kept = Assert.Single(Directory.GetFiles(root.Combine(".versions", "raw", "a.csv")));
        Assert.Equal("old, and longer\n", File.ReadAllText(kept));
        Assert.Equal($"raw/a.csv: replaced an earlier version (ETag {Path.GetFileNameWithoutExtension(kept)}), which is kept as {kept}", Assert.Single(notices));
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
