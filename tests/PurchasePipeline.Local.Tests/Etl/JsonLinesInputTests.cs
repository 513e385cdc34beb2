using PurchasePipeline.Functions;
using System.Text;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>How the job reads JSON lines objects: one purchase object per line.</summary>
public sealed class JsonLinesInputTests : IDisposable
{
    private const string Key = "raw/2024/05/01/a.jsonl";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public JsonLinesInputTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_ValidObjects_CleanWithTheirLineNumbers()
    {
        Some.Land(home, Key, Some.Jsonl([Some.Row(1), Some.Row(2)]) + "\n" + Some.Jsonl([Some.Row(3)]));

        var manifest = CreateSut().Run();

        Assert.Equal((3, 3, 0), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected));
        Assert.Equal(3, Assert.Single(manifest.Files).RowCount);
        Assert.Equal(4L, LakeQuery.Scalar(home, "SELECT source_row FROM clean_purchases WHERE user_id = 'USI_3'"));
    }

    [Theory]
    [InlineData("{\"user_id\": \"USI_2\", \"session_id\": ")]
    [InlineData("USI_2,abc,Smartphones")]
    [InlineData("[\"USI_2\"]")]
    public void Run_LineThatIsNotAnObject_RejectedAsMalformedWithTheLineKept(string line)
    {
        Some.Land(home, Key, Some.Jsonl([Some.Row(1)]) + line + "\n" + Some.Jsonl([Some.Row(3)]));

        var manifest = CreateSut().Run();

        Assert.Equal((3, 2, 1), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected));
        var rejected = LakeQuery.Single(home, "SELECT * FROM rejected_purchases");
        Assert.Equal(RejectReason.MalformedRow, rejected["reject_reason"]);
        Assert.Equal(Key, rejected["source_file"]);
        Assert.Equal(2L, rejected["source_row"]);
        Assert.Equal(line, rejected["extra_fields"]);
    }

    [Fact]
    public void Run_ObjectWithUnknownProperty_RejectedAsMalformedWithTheLineKept()
    {
        var line = Some.Jsonl([Some.Row(2).With("gift_message", "happy birthday")]).TrimEnd('\n');
        Some.Land(home, Key, Some.Jsonl([Some.Row(1)]) + line + "\n");

        var manifest = CreateSut().Run();

        Assert.Equal((1, 1), (manifest.RowsClean, manifest.RowsRejected));
        var rejected = LakeQuery.Single(home, "SELECT * FROM rejected_purchases");
        Assert.Equal(RejectReason.MalformedRow, rejected["reject_reason"]);
        Assert.Equal(line, rejected["extra_fields"]);
        Assert.Equal("USI_2", rejected["user_id"]);
    }

    [Fact]
    public void Run_AmountsAsJsonNumbers_Accepted()
    {
        Some.Land(home, Key, """
            {"user_id": "USI_1", "session_id": "00000000000000000000000000000001", "category": "Smartphones", "brand": "Samsung", "cost_price": 500, "selling_price": 575.5, "discount": 20, "timestamp": "2024-05-01 10:01:00", "referrer": 0, "device_type": "mobile", "os": "Android", "browser": "Chrome", "ip_address": "10.0.0.1", "payment_method": "credit_card"}

            """);

        var manifest = CreateSut().Run();

        Assert.Equal(1, manifest.RowsClean);
        var clean = LakeQuery.Single(home, "SELECT * FROM clean_purchases");
        Assert.Equal((500L, 575.50m, 20L, "0"), ((long)clean["cost_price"]!, (decimal)clean["selling_price"]!, (long)clean["discount"]!, (string)clean["referrer"]!));
    }

    [Fact]
    public void Run_MissingAndNullProperties_RejectedAsMissing()
    {
        var withoutBrand = Some.Row(1);
        withoutBrand.Remove("brand");
        var nullDiscount = Some.Jsonl([Some.Row(2)]).Replace("\"discount\":\"20\"", "\"discount\":null", StringComparison.Ordinal);
        Some.Land(home, Key, Some.Jsonl([withoutBrand]) + nullDiscount);

        var manifest = CreateSut().Run();

        Assert.Equal(1, manifest.RejectedByReason[RejectReason.Missing("brand")]);
        Assert.Equal(1, manifest.RejectedByReason[RejectReason.Missing("discount")]);
    }

    [Fact]
    public void Run_Utf8ByteOrderMarkAndCrLf_Accepted()
    {
        var path = home.PathOf(Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Some.Jsonl([Some.Row(1), Some.Row(2)]).Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var manifest = CreateSut().Run();

        Assert.Equal((2, 0), (manifest.RowsClean, manifest.RowsRejected));
    }

    [Fact]
    public void Run_EmptyFile_ReadsNoRows()
    {
        Some.Land(home, Key, string.Empty);

        var manifest = CreateSut().Run();

        Assert.Equal(0, manifest.RowsIn);
        Assert.Equal(1, manifest.BookmarkAfter.Objects);
    }

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
