using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tests;

public class RunManifestJsonTests
{
    [Fact]
    public void Serialize_UsesTheSnakeCaseNamesTheValidationRulesQuery()
    {
        var json = RunManifestJson.Serialize(Some.Manifest());

        Assert.Contains("\"rows_in\":10", json, StringComparison.Ordinal);
        Assert.Contains("\"rows_deduplicated\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"purchase_date\":\"2026-11-25\"", json, StringComparison.Ordinal);
        Assert.Contains("\"row_count\":7", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void Deserialize_RoundTripsEveryField()
    {
        var manifest = Some.Manifest();

        var back = RunManifestJson.Deserialize(RunManifestJson.Serialize(manifest));

        Assert.Equal(manifest.RunId, back.RunId);
        Assert.Equal(manifest.Files, back.Files);
        Assert.Equal(manifest.Partitions, back.Partitions);
        Assert.Equal(manifest.RejectedByReason, back.RejectedByReason);
        Assert.Equal(manifest.BookmarkAfter, back.BookmarkAfter);
    }

    private static class Some
    {
        public static RunManifest Manifest() => new()
        {
            RunId = "jr_1",
            JobName = "clean_purchases",
            StartedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
            CompletedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 5, TimeSpan.Zero),
            RowsIn = 10,
            RowsClean = 7,
            RowsRejected = 2,
            RowsDeduplicated = 1,
            Files = [new ProcessedObject("raw/2026/11/25/a.csv", "etag1", 10)],
            Partitions = [new PartitionCount(new DateOnly(2026, 11, 25), 7)],
            RejectedByReason = new Dictionary<string, long> { ["invalid_timestamp"] = 2 },
            BookmarkBefore = new BookmarkSummary(0, "empty"),
            BookmarkAfter = new BookmarkSummary(1, "abc"),
        };
    }
}
