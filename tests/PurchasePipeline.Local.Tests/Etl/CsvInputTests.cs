using PurchasePipeline.Functions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>How the job reads CSV objects that are not as the seed system writes them.</summary>
public sealed class CsvInputTests : IDisposable
{
    private const string Key = "raw/2024/05/01/a.csv";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public CsvInputTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_RowWithExtraFields_RejectedAsMalformedWithExtraFieldsKept()
    {
        Some.Land(home, Key, Some.Csv([Some.Row(1), Some.Row(2).With(Some.ExtraFields, "gift wrap,\"to: Ann, Bob\""), Some.Row(3)]));

        var manifest = CreateSut().Run();

        Assert.Equal((2, 1), (manifest.RowsClean, manifest.RowsRejected));
        var rejected = LakeQuery.Single(home, "SELECT * FROM rejected_purchases");
        Assert.Equal(RejectReason.MalformedRow, rejected["reject_reason"]);
        Assert.Equal(2L, rejected["source_row"]);
        Assert.Equal("gift wrap,to: Ann, Bob", rejected["extra_fields"]);
    }

    [Fact]
    public void Run_QuotedLineBreaksInFields_OneRecordEachWithTheBreaksKept()
    {
        // A field that ends in a line break made DuckDB's parallel CSV scanner fail the whole run.
        Some.Land(home, Key, Some.Csv([Some.Row(1), Some.Row(2).With("brand", "Sam\r\nsung\n"), Some.Row(3)]));

        var manifest = CreateSut().Run();

        Assert.Equal((3, 3, 0), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected));
        Assert.Equal("sam\r\nsung\n", LakeQuery.Scalar(home, "SELECT brand FROM clean_purchases WHERE source_row = 2"));
        Assert.Equal("USI_3", LakeQuery.Scalar(home, "SELECT user_id FROM clean_purchases WHERE source_row = 3"));
    }

    [Fact]
    public void Run_UnterminatedQuote_RejectsTheRestOfTheFileAsOneRowAndDropsNothing()
    {
        var broken = Some.CsvLine(Some.Row(2)).Replace(",Samsung,", ",\"Samsung,", StringComparison.Ordinal);
        Some.Land(home, Key, Some.Csv([Some.Row(1)]) + broken + "\n" + Some.CsvLine(Some.Row(3)) + "\n");

        var manifest = CreateSut().Run();

        Assert.Equal(manifest.RowsIn, manifest.RowsClean + manifest.RowsRejected + manifest.RowsDeduplicated);
        Assert.Equal((2, 1, 1), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected));
        var rejected = LakeQuery.Single(home, "SELECT * FROM rejected_purchases");
        Assert.Equal(2L, rejected["source_row"]);
        Assert.Equal("USI_2", rejected["user_id"]);
        Assert.Contains(Some.CsvLine(Some.Row(3)), (string?)rejected["brand"], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HeaderLacksColumn_QuarantinesThatFileNamingTheColumnAndCommitsTheOthers()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        Some.Land(home, "raw/2024/05/01/b.csv", WithoutColumn("discount", Some.Row(2)));

        var manifest = CreateSut().Run();

        Assert.Equal(["raw/2024/05/01/a.csv"], manifest.Files.Select(f => f.Key));
        var quarantined = Assert.Single(manifest.Quarantined);
        Assert.Equal("raw/2024/05/01/b.csv", quarantined.Key);
        Assert.StartsWith("header lacks column discount", quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal(1, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
        Assert.True(File.Exists(home.PathOf("raw/2024/05/01/b.csv")));
        Assert.False(Directory.Exists(home.Staging) && Directory.EnumerateFileSystemEntries(home.Staging).Any());
    }

    [Fact]
    public void Run_AfterTheBadHeaderIsFixed_ReadsTheFixedFile()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        Some.Land(home, "raw/2024/05/01/b.csv", WithoutColumn("discount", Some.Row(2)));
        var sut = CreateSut();
        Assert.Single(sut.Run().Quarantined);
        Some.Land(home, "raw/2024/05/01/b.csv", Some.Csv([Some.Row(2)]));

        var manifest = sut.Run();

        Assert.Equal(["raw/2024/05/01/b.csv"], manifest.Files.Select(f => f.Key));
        Assert.Equal(1, manifest.RowsClean);
        Assert.Equal(2, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    [Fact]
    public void Run_EmptyFile_QuarantinedNamingIt()
    {
        Some.Land(home, Key, string.Empty);

        var manifest = CreateSut().Run();

        var quarantined = Assert.Single(manifest.Quarantined);
        Assert.Equal(Key, quarantined.Key);
        Assert.Contains("empty", quarantined.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HeaderOnly_ReadsNoRowsAndBookmarksIt()
    {
        Some.Land(home, Key, Some.Csv([]));

        var manifest = CreateSut().Run();

        Assert.Equal(0, manifest.RowsIn);
        Assert.Equal(0, Assert.Single(manifest.Files).RowCount);
        Assert.Equal(1, manifest.BookmarkAfter.Objects);
    }

    [Fact]
    public void Run_HeaderColumnsInAnotherOrderAndCase_ReadByName()
    {
        var columns = PurchaseSchema.ColumnNames.Reverse().ToList();
        var row = Some.Row(1);
        Some.Land(home, Key, string.Join(',', columns.Select(c => " " + c.ToUpperInvariant())) + "\n" + string.Join(',', columns.Select(c => row[c])) + "\n");

        var manifest = CreateSut().Run();

        Assert.Equal(1, manifest.RowsClean);
        Assert.Equal("USI_1", LakeQuery.Scalar(home, "SELECT user_id FROM clean_purchases"));
        Assert.Equal("credit_card", LakeQuery.Scalar(home, "SELECT payment_method FROM clean_purchases"));
    }

    [Fact]
    public void Run_Utf8ByteOrderMarkAndCrLf_Accepted()
    {
        var path = home.PathOf(Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Some.Csv([Some.Row(1), Some.Row(2)]).Replace("\n", "\r\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var manifest = CreateSut().Run();

        Assert.Equal((2, 0), (manifest.RowsClean, manifest.RowsRejected));
        Assert.Equal("credit_card", LakeQuery.Scalar(home, "SELECT min(payment_method) FROM clean_purchases"));
    }

    private static string WithoutColumn(string column, Dictionary<string, string> row)
    {
        var columns = PurchaseSchema.ColumnNames.Where(c => c != column).ToList();
        return string.Join(',', columns) + "\n" + string.Join(',', columns.Select(c => row[c])) + "\n";
    }

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
