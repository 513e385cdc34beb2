using PurchasePipeline.Core.Runs;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests;

public class RunManifestJsonTests
{
    [Fact]
    public void Serialize_UsesTheSnakeCaseNamesTheValidationRulesQuery()
    {
        var json = RunManifestJson.Serialize(FakeRunManifestStore.SampleManifest("jr_1"));

        Assert.Contains("\"rows_in\":10", json, StringComparison.Ordinal);
        Assert.Contains("\"rows_deduplicated\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"purchase_date\":\"2025-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"row_count\":7", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void Deserialize_RoundTripsEveryField()
    {
        var manifest = FakeRunManifestStore.SampleManifest("jr_1");

        var back = RunManifestJson.Deserialize(RunManifestJson.Serialize(manifest));

        Assert.Equal(manifest.RunId, back.RunId);
        Assert.Equal(manifest.Files, back.Files);
        Assert.Equal(manifest.Partitions, back.Partitions);
        Assert.Equal(manifest.RejectedByReason, back.RejectedByReason);
        Assert.Equal(manifest.BookmarkAfter, back.BookmarkAfter);
    }
}
