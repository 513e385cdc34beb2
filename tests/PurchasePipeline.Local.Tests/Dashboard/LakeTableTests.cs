using PurchasePipeline.Local.Dashboard;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class LakeTableTests
{
    public static TheoryData<string> AggregateViews => new()
    {
        LakeTable.DailyCategory, LakeTable.DailyDevice, LakeTable.DailyPayment, LakeTable.DailyBrand, LakeTable.DailySegment,
    };

    [Theory]
    [MemberData(nameof(AggregateViews))]
    public void AggregateNames_AreViewsTheTransformSqlDefines(string view)
    {
        var views = Directory.GetFiles(RepoPaths.Combine("glue", "sql"), "*.sql")
            .Select(f => Path.GetFileNameWithoutExtension(f).Split('_', 2)[1]);

        Assert.Contains(view, views);
    }

    [Fact]
    public void Find_MissingFolder_ReturnsNull()
    {
        using var temp = new TempDirectory();

        Assert.Null(LakeTable.Find(temp.Combine("nothing")));
    }

    [Fact]
    public void Find_PartitionFolderWithoutParquet_ReturnsNull()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("purchase_date=2026-11-25"));
        File.WriteAllText(temp.Combine("stray.parquet"), string.Empty);

        Assert.Null(LakeTable.Find(temp.Path));
    }

    [Fact]
    public void Sql_FolderWithAQuote_IsQuotedAsALiteral()
    {
        var table = new LakeTable("/lake/o'brien");

        Assert.Equal("read_parquet('/lake/o''brien/*/*.parquet', hive_partitioning = true, union_by_name = true)", table.Sql);
    }
}
