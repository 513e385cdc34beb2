using System.Text.Json;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// The two planes take a CSV header the same way (issue 11): the local job (RawHeader) split the line on ',', the Glue job
/// (parse_header) reads it as a CSV record, so <c>"brand,category"</c> was two columns locally, processed, and one unknown
/// column on Glue, quarantined. Each header below goes through both; they must accept the same columns or refuse with
/// the same reason.
/// </summary>
[Trait("Requires", "python3")]
public sealed class HeaderAgreementTests : IDisposable
{
    private const string Key = "raw/2026/11/25/a.csv";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Headers => new()
    {
        string.Join(',', PurchaseSchema.ColumnNames.Select(name => '"' + name + '"')),
        PurchaseSchema.CsvHeader.Replace("category,brand", "\"category,brand\"", StringComparison.Ordinal),
        PurchaseSchema.CsvHeader.Replace("user_id", "\"user\"\"_id\"", StringComparison.Ordinal),
        PurchaseSchema.CsvHeader.Replace("brand", "\"bra\"nd", StringComparison.Ordinal),
        PurchaseSchema.CsvHeader + ",\"coupon, code\"",
        PurchaseSchema.CsvHeader.Replace(",os,", ", \"os\",", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task Header_QuotedFields_BothPlanesAcceptTheSameColumnsOrRefuseForTheSameReason(string header)
    {
        var local = Local(header);

        var glue = await Python.InspectJobAsync("header", Key, header);

        Assert.Equal(local, glue.ValueKind == JsonValueKind.Array
            ? string.Join(',', glue.EnumerateArray().Select(name => name.GetString()))
            : glue.GetProperty("error").GetString());
    }

    /// <summary>RawHeader's columns joined by ',', or its error as the job words it (KEY: reason).</summary>
    private string Local(string header)
    {
        var path = temp.Combine("a.csv");
        File.WriteAllText(path, header + "\n");
        try
        {
            return string.Join(',', RawHeader.Read(new RawObject(Key, "etag", new FileInfo(path).Length, path)));
        }
        catch (RawFileException error)
        {
            return error.Message;
        }
    }
}
