using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>The job bookmark on disk: bookmarks/JOB.json.</summary>
public sealed class BookmarkStoreTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Load_NoFile_ReturnsEmpty()
    {
        Assert.Empty(CreateSut().Load().Objects);
    }

    [Fact]
    public void Save_ThenLoad_RoundTripsEveryObject()
    {
        var bookmark = Bookmark.Empty.With([Raw("raw/2024/05/02/b.csv", "e2"), Raw("raw/2024/05/01/a.jsonl", "e1")]);
        var sut = CreateSut();

        sut.Save(bookmark);

        Assert.Equal(bookmark.Objects, CreateSut().Load().Objects);
        Assert.Equal(bookmark.Summarize(), CreateSut().Load().Summarize());
        Assert.Empty(Directory.GetFiles(temp.Combine("bookmarks"), "*.tmp"));
    }

    [Fact]
    public void Reset_AfterSave_LoadsEmpty()
    {
        var sut = CreateSut();
        sut.Save(Bookmark.Empty.With([Raw("raw/a.csv", "e1")]));

        sut.Reset();

        Assert.Empty(sut.Load().Objects);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"raw/a.csv\": ")]
    [InlineData("null")]
    [InlineData("[\"raw/a.csv\"]")]
    [InlineData("{\"raw/a.csv\": 42}")]
    public void Load_CorruptFile_ThrowsInvalidDataNamingTheFile(string contents)
    {
        var sut = CreateSut();
        Directory.CreateDirectory(temp.Combine("bookmarks"));
        File.WriteAllText(sut.FilePath, contents);

        var error = Assert.Throws<InvalidDataException>(sut.Load);

        Assert.Contains(sut.FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FilePath_IsTheJobNameUnderTheFolder()
    {
        Assert.Equal(temp.Combine("bookmarks", LocalEtlJob.JobName + ".json"), CreateSut().FilePath);
    }

    private static RawObject Raw(string key, string etag) => new(key, etag, 0, key);

    private BookmarkStore CreateSut() => new(temp.Combine("bookmarks"), LocalEtlJob.JobName);
}
