using PurchasePipeline.Functions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

public sealed class LocalEtlJobTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public LocalEtlJobTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_CleanFile_WritesCleanParquetManifestAndAggregates()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2), Some.Row(3, "2024-05-02")]));

        var manifest = CreateSut().Run();

        Assert.Equal(3, manifest.RowsIn);
        Assert.Equal(3, manifest.RowsClean);
        Assert.Equal(0, manifest.RowsRejected);
        Assert.Equal(2, manifest.Partitions.Count);
        Assert.Single(Directory.GetFiles(Path.Combine(home.CleanPurchases, "purchase_date=2024-05-01"), "*.parquet"));
        Assert.True(File.Exists(Path.Combine(home.Manifests, manifest.RunId + ".json")));
        Assert.True(Directory.Exists(Path.Combine(home.Aggregates, "agg_daily_category", "purchase_date=2024-05-02")));
        Assert.Equal(3, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(555.50m * 3, LakeQuery.Decimal(home, "SELECT sum(revenue) FROM agg_daily_category"));
    }

    [Fact]
    public void Run_SecondRunOverSameFiles_ProcessesNothing()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));
        var sut = CreateSut();
        sut.Run();

        var second = sut.Run();

        Assert.Equal(0, second.RowsIn);
        Assert.Empty(second.Files);
        Assert.Equal(second.BookmarkBefore, second.BookmarkAfter);
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    [Fact]
    public void Run_NewFile_ProcessesOnlyIt()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));
        var sut = CreateSut();
        sut.Run();
        Some.Land(home, "raw/2024/05/01/b.csv", Some.Csv([Some.Row(3)]));

        var second = sut.Run();

        Assert.Equal("raw/2024/05/01/b.csv", Assert.Single(second.Files).Key);
        Assert.Equal(1, second.RowsIn);
        Assert.Equal(3, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(3, LakeQuery.Long(home, "SELECT CAST(sum(orders) AS BIGINT) FROM agg_daily_category"));
    }

    [Fact]
    public void Run_OverwrittenFile_AddsOnlyItsNewRows()
    {
        var key = Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));
        var sut = CreateSut();
        sut.Run();
        Some.Land(home, key, Some.Csv([Some.Row(1), Some.Row(2), Some.Row(3)]));
        File.SetLastWriteTimeUtc(home.PathOf(key), File.GetLastWriteTimeUtc(home.PathOf(key)).AddSeconds(5));

        var second = sut.Run();

        Assert.Equal(3, second.RowsIn);
        Assert.Equal(1, second.RowsClean);
        Assert.Equal(2, second.RowsDeduplicated);
        Assert.Equal(3, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.Equal(3, LakeQuery.Long(home, "SELECT CAST(sum(orders) AS BIGINT) FROM agg_daily_category"));
    }

    [Fact]
    public void Run_ResetBookmark_ReprocessesWithoutDuplicating()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));
        var sut = CreateSut();
        sut.Run();

        var rerun = sut.Run(new EtlRunOptions { ResetBookmark = true });

        Assert.Equal(2, rerun.RowsIn);
        Assert.Equal(2, rerun.RowsDeduplicated);
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    [Fact]
    public void Run_CumulativeObjectOverwrittenThenBookmarkReset_StoresEachRejectedRowOnce()
    {
        // Regression (issue 9, finding 4): each re-delivery added the object's rejected rows again.
        var bad = Some.Row(2).With("cost_price", "abc");
        var key = Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), bad]));
        var sut = CreateSut();
        sut.Run();
        Some.Land(home, key, Some.Csv([Some.Row(1), bad, Some.Row(3), Some.Row(4).With("discount", "x")]));
        File.SetLastWriteTimeUtc(home.PathOf(key), File.GetLastWriteTimeUtc(home.PathOf(key)).AddSeconds(5));

        var overwritten = sut.Run();
        var reset = sut.Run(new EtlRunOptions { ResetBookmark = true });

        Assert.Equal((4, 1, 1, 2), (overwritten.RowsIn, overwritten.RowsClean, overwritten.RowsRejected, overwritten.RowsDeduplicated));
        Assert.Equal((4, 0, 0, 4), (reset.RowsIn, reset.RowsClean, reset.RowsRejected, reset.RowsDeduplicated));
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(*) FROM rejected_purchases"));
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(DISTINCT reject_id) FROM rejected_purchases"));
    }

    [Fact]
    public void Run_IdenticalBadRowsInOneFile_KeepsTheFirstAndCountsTheRestAsDuplicates()
    {
        var bad = Some.Row(2).With("cost_price", "abc");
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([bad, Some.Row(1), bad, bad.With("brand", " Samsung")]));

        var manifest = CreateSut().Run();

        // The raw text is the identity of a rejected row: the one with other whitespace is kept as it was read.
        Assert.Equal((1, 2, 1), (manifest.RowsClean, manifest.RowsRejected, manifest.RowsDeduplicated));
        Assert.Equal("1,4", LakeQuery.Scalar(home, "SELECT string_agg(CAST(source_row AS VARCHAR), ',' ORDER BY source_row) FROM rejected_purchases"));
    }

    [Fact]
    public void Run_DuplicatesWithinBatch_KeepsTheFirstAndCountsTheRest()
    {
        var row = Some.Row(1);
        var variant = row.With("brand", "  SAMSUNG ").With("user_id", "usi_1");
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([row, variant, row]));

        var manifest = CreateSut().Run();

        Assert.Equal(1, manifest.RowsClean);
        Assert.Equal(2, manifest.RowsDeduplicated);
        Assert.Equal(1L, LakeQuery.Long(home, "SELECT min(source_row) FROM clean_purchases"));
    }

    [Fact]
    public void Run_DuplicatesAcrossFilesOfOneBatch_KeepsTheRowOfTheFirstFileThenTheFirstRecord()
    {
        // glue/sql/03_clean_purchases.sql ranks occurrences by (source_file, source_row): b.csv's copy comes first in its
        // file but its file comes second; a.csv holds two copies, of which record 2 is the first.
        var row = Some.Row(1);
        Some.Land(home, "raw/2024/05/01/b.csv", Some.Csv([row, Some.Row(2)]));
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(3), row.With("brand", " SAMSUNG"), row]));

        var manifest = CreateSut().Run();

        Assert.Equal((3, 0, 2), (manifest.RowsClean, manifest.RowsRejected, manifest.RowsDeduplicated));
        Assert.Equal(
            "raw/2024/05/01/a.csv:1,raw/2024/05/01/a.csv:2,raw/2024/05/01/b.csv:2",
            LakeQuery.Scalar(home, "SELECT string_agg(source_file || ':' || source_row, ',' ORDER BY source_file, source_row) FROM clean_purchases"));
    }

    [Fact]
    public void Run_RowConservation_HoldsOnDirtyInput()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2).With("cost_price", "abc"), Some.Row(1), Some.Row(3)]));

        var m = CreateSut().Run();

        Assert.Equal(m.RowsIn, m.RowsClean + m.RowsRejected + m.RowsDeduplicated);
        Assert.Equal((2, 1, 1), (m.RowsClean, m.RowsRejected, m.RowsDeduplicated));
        Assert.Equal(1, m.RejectedByReason[RejectReason.InvalidCostPrice]);
    }

    [Fact]
    public void Run_CleanTableHoldsOtherDates_ReadsOnlyTheBatchsPartitions()
    {
        // Regression: existing_purchases read every partition of the clean table, so a run's cost grew with its history.
        var otherDate = Path.Combine(home.CleanPurchases, "purchase_date=2020-01-01");
        Directory.CreateDirectory(otherDate);
        File.WriteAllText(Path.Combine(otherDate, "part-0.parquet"), "not Parquet: reading this partition fails the run");
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));

        var manifest = CreateSut().Run();

        Assert.Equal(2, manifest.RowsClean);
    }

    [Fact]
    public void Run_RejectedRowDeliveredAgain_FoundThroughTheFingerprintIndexWithoutReadingTheRejectedTable()
    {
        // Regression: existing_rejected read reject_id from every run's partition of the rejected table.
        var bad = Some.Row(2).With("cost_price", "abc");
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), bad]));
        var sut = CreateSut();
        sut.Run();
        foreach (var file in Directory.GetFiles(home.RejectedPurchases, "*.parquet", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, "not Parquet: reading the rejected table fails the run");
        }

        Some.Land(home, "raw/2024/05/02/b.csv", Some.Csv([Some.Row(3, "2024-05-02"), bad, Some.Row(4, "2024-05-02").With("discount", "x")]));

        var again = sut.Run();

        Assert.Equal((3, 1, 1, 1), (again.RowsIn, again.RowsClean, again.RowsRejected, again.RowsDeduplicated));
    }

    [Fact]
    public void Run_BatchWithoutRejectedRows_ReadsNoFingerprint()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2).With("cost_price", "abc")]));
        var sut = CreateSut();
        sut.Run();
        foreach (var file in Directory.GetFiles(home.Lake, "*.parquet", SearchOption.AllDirectories).Where(f => !f.Contains("clean", StringComparison.Ordinal)))
        {
            File.WriteAllText(file, "not Parquet: reading it fails the run");
        }

        Some.Land(home, "raw/2024/05/02/b.csv", Some.Csv([Some.Row(3, "2024-05-02")]));

        Assert.Equal(1, sut.Run().RowsClean);
    }

    /// <summary>Bookmarks written before the ETag was S3's (size and mtime) carry over: upgrading reads no object again.</summary>
    [Fact]
    public void Run_BookmarkHoldsTheLegacyEtagOfAnUnchangedObject_ProcessesNothingAndMovesItToTheETag()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2)]));
        var raw = Assert.Single(LandingZone.ListRaw(home));
        var store = new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName);
        store.Save(new Bookmark(new Dictionary<string, string>(StringComparer.Ordinal) { [raw.Key] = LandingZone.LegacyETagOf(raw) }));

        var manifest = CreateSut().Run();

        Assert.Equal(0, manifest.RowsIn);
        Assert.Equal(raw.ETag, store.Load().Objects[raw.Key]);
    }

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
