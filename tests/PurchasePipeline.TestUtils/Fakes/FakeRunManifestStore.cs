using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.TestUtils.Fakes;

/// <summary>Manifests held in memory by run id; records every read.</summary>
public sealed class FakeRunManifestStore : IRunManifestStore
{
    private readonly Dictionary<string, RunManifest> manifests = new(StringComparer.Ordinal);

    /// <summary>Run ids GetAsync was called with, in order.</summary>
    public List<string> Reads { get; } = [];

    public FakeRunManifestStore Add(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        manifests[manifest.RunId] = manifest;
        return this;
    }

    public Task<RunManifest?> GetAsync(string jobRunId, CancellationToken cancellationToken)
    {
        Reads.Add(jobRunId);
        return Task.FromResult(manifests.GetValueOrDefault(jobRunId));
    }

    /// <summary>A plausible manifest of one file: 10 rows in, 7 clean, 2 rejected, 1 duplicate.</summary>
    public static RunManifest SampleManifest(string runId) => new()
    {
        RunId = runId,
        JobName = "clean_purchases",
        StartedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2025, 3, 1, 12, 1, 30, TimeSpan.Zero),
        RowsIn = 10,
        RowsClean = 7,
        RowsRejected = 2,
        RowsDeduplicated = 1,
        Files = [new ProcessedObject("raw/2025/03/01/purchases-0001.csv", "\"etag-1\"", 10)],
        Partitions = [new PartitionCount(new DateOnly(2025, 3, 1), 7)],
        RejectedByReason = new Dictionary<string, long> { ["negative_amount"] = 2 },
        BookmarkBefore = new BookmarkSummary(0, "empty"),
        BookmarkAfter = new BookmarkSummary(1, "digest-1"),
    };
}
