using System.Text.Json;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>Committing a run's staged output, and recovering from a run killed before or during its commit.</summary>
public sealed class LakeCommitterTests : IDisposable
{
    private const string RunId = "jr_20240501T100000_0000dead";
    private const string CleanA = "clean/purchases/purchase_date=2024-05-01/part-a.parquet";
    private const string CleanB = "clean/purchases/purchase_date=2024-05-01/part-b.parquet";
    private const string Manifest = "manifests/" + RunId + ".json";
    private const string CategoryDay = "aggregates/agg_daily_category/purchase_date=2024-05-01";
    private const string DeviceDay = "aggregates/agg_daily_device/purchase_date=2024-05-01";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;
    private readonly BookmarkStore bookmarks;

    public LakeCommitterTests()
    {
        home = new LocalHome(temp.Path);
        bookmarks = new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Commit_StagedRun_AppendsFilesReplacesAggregatePartitionsAndSavesBookmark()
    {
        WriteLake("clean/purchases/purchase_date=2024-05-01/part-old.parquet", "old clean");
        WriteLake(CategoryDay + "/part-0.parquet", "old aggregate");
        WriteLake(CategoryDay + "/part-1.parquet", "old aggregate");
        Stage(CleanA, Manifest, CategoryDay + "/part-0.parquet");
        var sut = CreateSut();

        sut.Commit(RunId, Bookmark.Empty.With([Raw("raw/a.csv", "e1")]));

        Assert.Equal("old clean", ReadLake("clean/purchases/purchase_date=2024-05-01/part-old.parquet"));
        Assert.Equal(CleanA, ReadLake(CleanA));
        Assert.Equal(Manifest, ReadLake(Manifest));
        Assert.Equal([CategoryDay + "/part-0.parquet"], FilesUnder(CategoryDay));
        Assert.Equal(CategoryDay + "/part-0.parquet", ReadLake(CategoryDay + "/part-0.parquet"));
        Assert.Equal("e1", bookmarks.Load().Objects["raw/a.csv"]);
        AssertNothingPending();
    }

    [Fact]
    public void Recover_StagingWithoutJournal_DeletesItAndLeavesLakeAndBookmark()
    {
        WriteLake(CleanA, "committed");
        bookmarks.Save(Bookmark.Empty.With([Raw("raw/a.csv", "e1")]));
        var bookmarkBefore = File.ReadAllText(bookmarks.FilePath);
        Stage(CleanB, Manifest, CategoryDay + "/part-0.parquet");

        CreateSut().Recover();

        AssertNothingPending();
        Assert.Equal([CleanA], FilesUnder("clean"));
        Assert.False(Directory.Exists(Path.Combine(home.Lake, "aggregates")));
        Assert.False(Directory.Exists(home.Manifests));
        Assert.Equal(bookmarkBefore, File.ReadAllText(bookmarks.FilePath));
    }

    [Fact]
    public void Recover_JournalWithPartlyMovedStaging_RollsForward()
    {
        WriteLake(CategoryDay + "/part-9.parquet", "old aggregate");
        Stage(CleanB, Manifest, CategoryDay + "/part-0.parquet", DeviceDay + "/part-0.parquet");
        WriteLake(CleanA, CleanA);
        WriteJournal();

        CreateSut().Recover();

        AssertRolledForward();
    }

    [Fact]
    public void Recover_JournalReplayedTwice_IsIdempotent()
    {
        Stage(CleanA, CleanB, Manifest, CategoryDay + "/part-0.parquet", DeviceDay + "/part-0.parquet");
        WriteJournal();
        var sut = CreateSut();
        sut.Recover();

        // Killed after every move but before the journal was deleted: the journal is replayed again.
        WriteJournal();
        sut.Recover();

        AssertRolledForward();
    }

    [Fact]
    public void Recover_EmptyHome_DoesNothing()
    {
        CreateSut().Recover();

        Assert.False(Directory.Exists(home.Lake));
        Assert.False(File.Exists(bookmarks.FilePath));
    }

    private void AssertRolledForward()
    {
        Assert.Equal([CleanA, CleanB], FilesUnder("clean"));
        Assert.Equal(CleanB, ReadLake(CleanB));
        Assert.Equal(Manifest, ReadLake(Manifest));
        Assert.Equal([CategoryDay + "/part-0.parquet"], FilesUnder(CategoryDay));
        Assert.Equal([DeviceDay + "/part-0.parquet"], FilesUnder(DeviceDay));
        Assert.Equal(new Dictionary<string, string> { ["raw/a.csv"] = "e1", ["raw/b.csv"] = "e2" }, bookmarks.Load().Objects);
        AssertNothingPending();
    }

    private void AssertNothingPending()
    {
        Assert.False(Directory.Exists(home.Commits) && Directory.EnumerateFileSystemEntries(home.Commits).Any(), "a commit journal is left");
        Assert.False(Directory.Exists(home.Staging) && Directory.EnumerateFileSystemEntries(home.Staging).Any(), "staging is left");
    }

    /// <summary>The journal Commit writes at its commit point, for the files staged by these tests.</summary>
    private void WriteJournal()
    {
        var journal = new CommitJournal(
            RunId,
            [CleanA, CleanB, Manifest],
            [CategoryDay, DeviceDay],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["raw/a.csv"] = "e1", ["raw/b.csv"] = "e2" });
        Directory.CreateDirectory(home.Commits);
        File.WriteAllText(Path.Combine(home.Commits, RunId + ".json"), JsonSerializer.Serialize(journal, LocalJson.Default.CommitJournal));
    }

    /// <summary>Stages files whose content is their own relative path.</summary>
    private void Stage(params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var path = Path.Combine(home.Staging, RunId, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, relative);
        }
    }

    private void WriteLake(string relative, string contents)
    {
        var path = Path.Combine(home.Lake, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
    }

    private string ReadLake(string relative) => File.ReadAllText(Path.Combine(home.Lake, relative));

    private List<string> FilesUnder(string relative) =>
    [
        .. Directory.EnumerateFiles(Path.Combine(home.Lake, relative), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(home.Lake, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
    ];

    private static RawObject Raw(string key, string etag) => new(key, etag, 0, key);

    private LakeCommitter CreateSut() => new(home, bookmarks);
}
