using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>Which raw objects a bookmark still counts as new, and its summary for the manifest.</summary>
public sealed class BookmarkTests
{
    [Fact]
    public void IsNew_UnseenKey_True()
    {
        Assert.True(CreateSut().IsNew(Raw("raw/b.csv", "e1")));
    }

    [Fact]
    public void IsNew_SameKeyAndETag_False()
    {
        Assert.False(CreateSut().IsNew(Raw("raw/a.csv", "e1")));
    }

    [Fact]
    public void IsNew_ChangedETag_True()
    {
        Assert.True(CreateSut().IsNew(Raw("raw/a.csv", "e2")));
    }

    [Fact]
    public void IsNew_KeyInAnotherCase_True()
    {
        Assert.True(CreateSut().IsNew(Raw("RAW/A.CSV", "e1")));
    }

    [Fact]
    public void With_ChangedObject_KeepsTheOthersAndTakesTheNewETag()
    {
        var sut = CreateSut().With([Raw("raw/b.csv", "e1")]);

        var after = sut.With([Raw("raw/a.csv", "e9")]);

        Assert.Equal(new Dictionary<string, string> { ["raw/a.csv"] = "e9", ["raw/b.csv"] = "e1" }, after.Objects);
        Assert.Equal("e1", sut.Objects["raw/a.csv"]);
    }

    [Fact]
    public void Summarize_SameObjectsInAnyOrder_SameDigest()
    {
        var one = Bookmark.Empty.With([Raw("raw/a.csv", "e1"), Raw("raw/b.csv", "e2")]);
        var other = Bookmark.Empty.With([Raw("raw/b.csv", "e2"), Raw("raw/a.csv", "e1")]);

        Assert.Equal(one.Summarize(), other.Summarize());
        Assert.Equal(2, one.Summarize().Objects);
    }

    [Fact]
    public void Summarize_ChangedETag_DifferentDigest()
    {
        Assert.NotEqual(CreateSut().Summarize().Digest, CreateSut().With([Raw("raw/a.csv", "e2")]).Summarize().Digest);
    }

    private static RawObject Raw(string key, string etag) => new(key, etag, 0, key);

    private static Bookmark CreateSut() => Bookmark.Empty.With([Raw("raw/a.csv", "e1")]);
}
