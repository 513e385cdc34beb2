using System.Globalization;
using System.Text.RegularExpressions;
using PurchasePipeline.Generator.Batches;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed partial class BatchKeyTests
{
    [Fact]
    public async Task RunAsync_ThreeBatches_KeysUnderRawPartitionOfTheirPurchaseDay()
    {
        var options = Some.Options() with { Files = 3, DirtyRate = 0, StartDate = new DateOnly(2026, 12, 30) };

        var (sink, result) = await Generated.RunAsync(options);

        Assert.Equal(
            ["raw/2026/12/30/purchases-20261230-s42-000001.csv", "raw/2026/12/31/purchases-20261231-s42-000002.csv", "raw/2027/01/01/purchases-20270101-s42-000003.csv"],
            result.Batches.Select(b => b.Key));
        foreach (var batch in result.Batches)
        {
            var match = KeyPattern().Match(batch.Key);
            Assert.True(match.Success, batch.Key);
            var day = DateOnly.ParseExact(match.Groups["day"].Value, "yyyy/MM/dd", CultureInfo.InvariantCulture);
            Assert.Equal(batch.Date, day);
            Assert.All(RawFiles.ReadCsv(sink.Objects[batch.Key]), row =>
                Assert.StartsWith(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " ", row["timestamp"], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void For_LaterBatch_SortsAfterEarlierOnes()
    {
        var keys = Enumerable.Range(1, 12).Select(i => BatchKey.For(new DateOnly(2026, 11, 1).AddDays(i - 1), i, 7, OutputFormat.JsonLines)).ToList();

        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
        Assert.Equal("raw/2026/11/12/purchases-20261112-s7-000012.jsonl", keys[^1]);
    }

    [GeneratedRegex(@"^raw/(?<day>\d{4}/\d{2}/\d{2})/purchases-\d{8}-s\d+-\d{6}\.csv\z")]
    private static partial Regex KeyPattern();
}
