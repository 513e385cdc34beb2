using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>Run manifests for dashboard tests.</summary>
internal static class SomeRun
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A conserving manifest (in = clean + rejected + deduplicated) completed <paramref name="minutesAfterStart"/> after <see cref="Start"/>.</summary>
    public static RunManifest Manifest(string runId, int minutesAfterStart, long clean = 90, long rejected = 7, long deduplicated = 3, int files = 1) => new()
    {
        RunId = runId,
        JobName = "clean_purchases",
        StartedAt = Start.AddMinutes(minutesAfterStart).AddSeconds(-4),
        CompletedAt = Start.AddMinutes(minutesAfterStart),
        RowsIn = clean + rejected + deduplicated,
        RowsClean = clean,
        RowsRejected = rejected,
        RowsDeduplicated = deduplicated,
        Files = [.. Enumerable.Range(1, files).Select(i => new ProcessedObject($"raw/2026/11/25/{runId}-{i}.csv", "etag" + i, clean))],
        Partitions = [new PartitionCount(new DateOnly(2026, 11, 25), clean)],
        RejectedByReason = new Dictionary<string, long> { ["invalid_timestamp"] = rejected },
        BookmarkBefore = new BookmarkSummary(0, "before"),
        BookmarkAfter = new BookmarkSummary(files, "after"),
    };
}
