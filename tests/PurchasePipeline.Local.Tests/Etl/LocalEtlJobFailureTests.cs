using PurchasePipeline.Functions;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Validation;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>A run that fails or is stopped: before its commit point it leaves nothing; after it, the next run finishes it.</summary>
public sealed class LocalEtlJobFailureTests : IDisposable
{
    private const string Key = "raw/2024/05/01/a.csv";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public LocalEtlJobFailureTests()
    {
        home = new LocalHome(temp.Path);
        Some.Land(home, Key, Some.Csv([Some.Row(1), Some.Row(2)]));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_FailsAfterStaging_LeavesNoStagingAndCommitsNothing()
    {
        var staged = false;
        var progress = new CallbackProgress(message =>
        {
            if (message.StartsWith("wrote", StringComparison.Ordinal))
            {
                staged = Directory.EnumerateFiles(home.Staging, "*.parquet", SearchOption.AllDirectories).Any();
                throw new InvalidOperationException("killed");
            }
        });

        Assert.Throws<InvalidOperationException>(() => CreateSut().Run(new EtlRunOptions { Progress = progress }));

        Assert.True(staged, "the run had staged output when it failed");
        AssertNothingCommitted();
    }

    [Fact]
    public void Run_CancelledBeforeCommit_LeavesNoStagingAndTheObjectStaysNew()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(message =>
        {
            if (message.StartsWith("wrote", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        });
        var sut = CreateSut();

        Assert.Throws<OperationCanceledException>(() => sut.Run(new EtlRunOptions { Progress = progress }, cancellation.Token));

        AssertNothingCommitted();
        Assert.Equal(2, sut.Run().RowsClean);
    }

    /// <summary>Regression: the failed run deleted its staged files after the commit point, so the roll-forward lost them.</summary>
    [Fact]
    public void Run_CommitInterruptedAfterCommitPoint_NextRunRollsItForward()
    {
        // A file where the clean partition folder must go makes the move into the lake fail mid-commit.
        var blocker = Path.Combine(home.CleanPurchases, "purchase_date=2024-05-01");
        Directory.CreateDirectory(home.CleanPurchases);
        File.WriteAllText(blocker, "not a folder");
        var sut = CreateSut();
        Assert.ThrowsAny<IOException>(() => sut.Run());
        File.Delete(blocker);

        var next = sut.Run();

        Assert.Equal(0, next.RowsIn);
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(2, LakeQuery.Long(home, "SELECT CAST(sum(orders) AS BIGINT) FROM agg_daily_category"));
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(*) FROM run_manifests"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(home.Commits));
        Assert.Empty(Directory.EnumerateFileSystemEntries(home.Staging));
    }

    [Fact]
    public void Run_StagedOutputBreaksARule_CommitsNothingAndTheNextRunAfterTheFixReadsTheObject()
    {
        var sut = CreateSut();
        sut.Run();
        var copy = Path.Combine(home.CleanPurchases, "purchase_date=2024-05-01", "restored.parquet");
        File.Copy(Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01")), copy);
        Some.Land(home, "raw/2024/05/01/b.csv", Some.Csv([Some.Row(3)]));

        var failure = Assert.Throws<DataQualityCheckFailedException>(() => sut.Run());

        Assert.Equal(["no_duplicate_purchase_ids"], failure.Report.FailedRules);
        Assert.Contains("nothing published: no_duplicate_purchase_ids (2 offending)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(1, LakeQuery.Long(home, "SELECT count(*) FROM run_manifests"));
        Assert.Equal([Key], new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName).Load().Objects.Keys);
        Assert.Empty(Directory.EnumerateFileSystemEntries(home.Staging));

        File.Delete(copy);
        var rerun = sut.Run();

        Assert.Equal(1, rerun.RowsClean);
        Assert.Equal(3, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(3, LakeQuery.Long(home, "SELECT CAST(sum(orders) AS BIGINT) FROM agg_daily_category"));
    }

    private void AssertNothingCommitted()
    {
        Assert.False(Directory.Exists(home.Staging) && Directory.EnumerateFileSystemEntries(home.Staging).Any(), "staging is left");
        Assert.False(Directory.Exists(home.Commits) && Directory.EnumerateFileSystemEntries(home.Commits).Any(), "a commit journal is left");
        Assert.False(Directory.Exists(home.CleanPurchases));
        Assert.False(Directory.Exists(home.Manifests));
        Assert.Empty(new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName).Load().Objects);
    }

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
