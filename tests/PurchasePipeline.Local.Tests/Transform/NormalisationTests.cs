using PurchasePipeline.Functions;
using System.Globalization;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Transform;

/// <summary>How glue/sql trims and cases fields, run by the local job: variants are valid and the same purchase.</summary>
public sealed class NormalisationTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public NormalisationTests() => home = new LocalHome(temp.Path);

    public static TheoryData<string> OptionalColumns => [.. PurchaseSchema.Columns.Where(c => !c.Required).Select(c => c.Name)];

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_StrayWhitespaceAndCase_ValidAndNormalised()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Variant(Some.Row(1))]));

        var manifest = CreateSut().Run();

        Assert.Equal(1, manifest.RowsClean);
        var clean = LakeQuery.Single(home, "SELECT * FROM clean_purchases");
        Assert.Equal("USI_1", clean["user_id"]);
        Assert.Equal(1.ToString("x32", CultureInfo.InvariantCulture), clean["session_id"]);
        Assert.Equal("smartphones", clean["category"]);
        Assert.Equal("samsung", clean["brand"]);
        Assert.Equal(500L, clean["cost_price"]);
        Assert.Equal(575.50m, clean["selling_price"]);
        Assert.Equal(20L, clean["discount"]);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 1, 0, DateTimeKind.Unspecified), clean["purchased_at"]);
        Assert.Equal("ABC12", clean["referrer"]);
        Assert.Equal("mobile", clean["device_type"]);
        Assert.Equal("android", clean["os"]);
        Assert.Equal("chrome", clean["browser"]);
        Assert.Equal("10.0.0.1", clean["ip_address"]);
        Assert.Equal("credit_card", clean["payment_method"]);
    }

    // Spark's trim removes ASCII 32 only (apache/spark common/unsafe/src/main/java/org/apache/spark/unsafe/types/
    // UTF8String.java, trim()), DuckDB's trim(x) every Unicode space separator: glue/sql names the space, so a
    // no-break space stays in the value in both jobs, as the Glue job has always kept it.
    [Fact]
    public void Run_NoBreakSpaceAroundAnId_RejectedAsTheGlueJobRejectsIt()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1).With("user_id", "\u00A0USI_1\u00A0")]));

        var manifest = CreateSut().Run();

        Assert.Equal(0, manifest.RowsClean);
        Assert.Equal(RejectReason.InvalidUserId, LakeQuery.Scalar(home, "SELECT reject_reason FROM rejected_purchases"));
    }

    [Fact]
    public void Run_NoBreakSpaceAfterABrand_KeptInTheCleanValueAsTheGlueJobKeepsIt()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1).With("brand", " Samsung\u00A0 ")]));

        CreateSut().Run();

        Assert.Equal("samsung\u00A0", LakeQuery.Scalar(home, "SELECT brand FROM clean_purchases"));
    }

    // glue/sql trims a field only when x LIKE ' %' OR x LIKE '% ': Spark reads those as StartsWith/EndsWith (apache/spark
    // sql/catalyst/src/main/scala/org/apache/spark/sql/catalyst/optimizer/expressions.scala, LikeSimplification), and its
    // LIKE's % spans line breaks ((?s), sql/catalyst/src/main/scala/org/apache/spark/sql/catalyst/util/StringUtils.scala,
    // escapeLikeRegex). DuckDB's % must span them too, or a space after a quoted line break would stay.
    [Theory]
    [InlineData(" Samsung", "samsung")]
    [InlineData("Samsung  ", "samsung")]
    [InlineData("Sam sung", "sam sung")]
    [InlineData("Samsung\n ", "samsung\n")]
    [InlineData(" \nSamsung\n ", "\nsamsung\n")]
    [InlineData("\tSamsung \r\n ", "\tsamsung \r\n")]
    public void Run_SpacesAtTheEndsOfAValue_TrimmedAcrossLineBreaksAndNothingElse(string brand, string expected)
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1).With("brand", brand)]));

        CreateSut().Run();

        Assert.Equal(expected, LakeQuery.Scalar(home, "SELECT brand FROM clean_purchases"));
    }

    [Fact]
    public void Run_VariantAfterOriginal_DeduplicatedAgainstIt()
    {
        var original = Some.Row(1);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([original, Variant(original)]));

        var manifest = CreateSut().Run();

        Assert.Equal((1, 0, 1), (manifest.RowsClean, manifest.RowsRejected, manifest.RowsDeduplicated));
        Assert.Equal(1L, LakeQuery.Scalar(home, "SELECT source_row FROM clean_purchases"));
    }

    [Fact]
    public void Run_VariantInALaterRun_DeduplicatedAgainstTheCleanTable()
    {
        var original = Some.Row(1);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([original]));
        var sut = CreateSut();
        sut.Run();
        Some.Land(home, "raw/2024/05/01/b.csv", Some.Csv([Variant(original)]));

        var second = sut.Run();

        Assert.Equal((0, 1), (second.RowsClean, second.RowsDeduplicated));
        Assert.Equal(1, LakeQuery.Long(home, "SELECT count(*) FROM clean_purchases"));
    }

    [Fact]
    public void Run_ReferrerZero_Accepted()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1).With("referrer", "0")]));

        var manifest = CreateSut().Run();

        Assert.Equal(1, manifest.RowsClean);
        Assert.Equal("0", LakeQuery.Scalar(home, "SELECT referrer FROM clean_purchases"));
    }

    [Theory]
    [MemberData(nameof(OptionalColumns))]
    public void Run_OptionalFieldEmpty_AcceptedAsNull(string column)
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1).With(column, " ")]));

        var manifest = CreateSut().Run();

        Assert.Equal((1, 0), (manifest.RowsClean, manifest.RowsRejected));
        Assert.Null(LakeQuery.Single(home, "SELECT * FROM clean_purchases")[column]);
    }

    /// <summary>The same purchase with stray spaces around every field and the case of every text field flipped.</summary>
    private static Dictionary<string, string> Variant(Dictionary<string, string> row) =>
        PurchaseSchema.ColumnNames.Aggregate(row, (r, c) => r.With(c, " " + Flip(r[c]) + "  "));

    private static string Flip(string text) =>
        string.Concat(text.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
