using System.Text;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class CsvOutputTests
{
    [Fact]
    public async Task RunAsync_Csv_FirstLineOfEveryFileIsPurchaseSchemaHeader()
    {
        var (sink, _) = await Generated.RunAsync(Some.Options());

        Assert.All(sink.Objects.Values, content =>
            Assert.StartsWith(PurchaseSchema.CsvHeader + "\n", Encoding.UTF8.GetString(content), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Csv_LfLineEndingsNoBomAndRowsPerFileAsAsked()
    {
        var (sink, result) = await Generated.RunAsync(Some.Options() with { Rows = 250, DirtyRate = 0.5 });

        Assert.All(sink.Objects.Values, content =>
        {
            Assert.NotEqual(0xEF, content[0]);
            Assert.DoesNotContain((byte)'\r', content);
            Assert.Equal(250, RawFiles.ReadCsv(content).Count);
        });
        Assert.All(result.Batches, b => Assert.Equal(250, b.Rows));
    }

    [Fact]
    public async Task RunAsync_Csv_QuotesFieldsWithCommasOrStraySpacesSoTheyReadBackWhole()
    {
        var batches = Generated.Batches(Some.Options() with { Rows = 1000, DirtyRate = 0.6 });

        foreach (var batch in batches)
        {
            var read = RawFiles.ReadCsv(batch.Content);
            for (var i = 0; i < batch.Rows.Count; i++)
            {
                Assert.Equal(batch.Rows[i].Fields, PurchaseSchema.ColumnNames.Select(c => read[i][c]));
                Assert.Equal(batch.Rows[i].ExtraField is not null, read[i].HasExtraField);
            }
        }

        var text = Encoding.UTF8.GetString(batches[0].Content);
        Assert.Contains("\"  ", text, StringComparison.Ordinal);
    }
}
