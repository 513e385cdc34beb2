using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Glue.Tests;

/// <summary>The manifest the Glue job writes is the one RunManifestJson (Core) reads, field for field.</summary>
[Trait("Requires", "python3")]
public sealed class RunManifestTests
{
    private const string Spec = """
        {
          "objects": [["raw/2026/11/25/b.jsonl", "etag-b"], ["raw/2026/11/25/a.csv", "etag-a"]],
          "rows_per_file": {"raw/2026/11/25/a.csv": 7, "raw/2026/11/25/b.jsonl": 3},
          "clean_rows_per_date": {"2026-11-25": 5, "2026-11-24": 1},
          "rejected_by_reason": {"invalid_timestamp": 2, "malformed_row": 1},
          "quarantined": [["raw/2026/11/25/c.csv", "etag-c", "header lacks column user_id"]]
        }
        """;

    [Fact]
    public async Task Manifest_ReadByRunManifestJson_HoldsEveryCount()
    {
        var manifest = RunManifestJson.Deserialize(await ManifestAsync(Spec));

        Assert.Equal(("jr_test", "clean_purchases"), (manifest.RunId, manifest.JobName));
        Assert.Equal(TimeSpan.FromSeconds(5), manifest.CompletedAt - manifest.StartedAt);
        Assert.Equal((10L, 6L, 3L, 1L), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected, manifest.RowsDeduplicated));
        Assert.Equal(
            [new ProcessedObject("raw/2026/11/25/a.csv", "etag-a", 7), new ProcessedObject("raw/2026/11/25/b.jsonl", "etag-b", 3)],
            manifest.Files);
        Assert.Equal(
            [new PartitionCount(new DateOnly(2026, 11, 24), 1), new PartitionCount(new DateOnly(2026, 11, 25), 5)],
            manifest.Partitions);
        Assert.Equal(2, manifest.RejectedByReason["invalid_timestamp"]);
        Assert.Equal(new BookmarkSummary(0, LocalPlaneDigest()), manifest.BookmarkBefore);
        Assert.Equal([new QuarantinedObject("raw/2026/11/25/c.csv", "etag-c", "header lacks column user_id")], manifest.Quarantined);
        Assert.Equal(
            new BookmarkSummary(3, LocalPlaneDigest(("raw/2026/11/25/a.csv", "etag-a"), ("raw/2026/11/25/b.jsonl", "etag-b"), ("raw/2026/11/25/c.csv", "etag-c"))),
            manifest.BookmarkAfter);
    }

    [Fact]
    public async Task Manifest_FieldNames_AreExactlyThoseRunManifestJsonWrites()
    {
        var written = JsonNode.Parse(await ManifestAsync(Spec))!.AsObject();
        var expected = JsonNode.Parse(RunManifestJson.Serialize(RunManifestJson.Deserialize(written.ToJsonString())))!.AsObject();

        Assert.Equal(Names(expected), Names(written));
        Assert.Equal(Names(expected["files"]![0]!.AsObject()), Names(written["files"]![0]!.AsObject()));
        Assert.Equal(Names(expected["partitions"]![0]!.AsObject()), Names(written["partitions"]![0]!.AsObject()));
        Assert.Equal(Names(expected["bookmark_after"]!.AsObject()), Names(written["bookmark_after"]!.AsObject()));
        Assert.Equal(Names(expected["quarantined"]![0]!.AsObject()), Names(written["quarantined"]![0]!.AsObject()));
    }

    [Fact]
    public async Task Manifest_NoNewObjects_ZerosAndEmptyLists()
    {
        var manifest = RunManifestJson.Deserialize(await ManifestAsync("{}"));

        Assert.Equal((0L, 0L, 0L, 0L), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected, manifest.RowsDeduplicated));
        Assert.Empty(manifest.Files);
        Assert.Empty(manifest.Partitions);
        Assert.Empty(manifest.RejectedByReason);
        Assert.Empty(manifest.Quarantined);
        Assert.Equal(manifest.BookmarkBefore, manifest.BookmarkAfter);
    }

    [Fact]
    public async Task Manifest_IsOneLineOfJson_AsAthenasJsonSerDeReadsIt()
    {
        var text = await ManifestAsync(Spec);

        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<string> ManifestAsync(string spec)
    {
        var run = await Python.ScriptAsync("inspect_job.py", GluePaths.JobScript, "manifest", spec);
        PythonAssert.Succeeded(run);
        return run.StandardOutput;
    }

    /// <summary>The digest as the local plane's Bookmark.Summarize computes it (PurchasePipeline.Local).</summary>
    private static string LocalPlaneDigest(params (string Key, string ETag)[] objects)
    {
        var text = string.Concat(objects.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.ETag}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static List<string> Names(JsonObject node) => [.. node.Select(p => p.Key).Order(StringComparer.Ordinal)];
}
