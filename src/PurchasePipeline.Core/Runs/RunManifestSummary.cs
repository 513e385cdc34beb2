using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Runs;

/// <summary>
/// A run manifest without its per-object and per-partition lists: what GetJobRun puts at <c>$.job.manifest</c>.
/// Its size does not grow with the number of objects a run read, so a reset-bookmark rerun over thousands
/// of raw objects stays far below Step Functions' 256 KiB payload limit (States.DataLimitExceeded). The
/// whole manifest stays where the run committed it (manifests/{run_id}.json).
/// </summary>
public sealed record RunManifestSummary : RunRecord
{
    public RunManifestSummary()
    {
    }

    [SetsRequiredMembers]
    private RunManifestSummary(RunManifest manifest)
        : base(manifest)
    {
        FileCount = manifest.Files.Count;
        PartitionCount = manifest.Partitions.Count;
    }

    /// <summary>How many raw objects the run read (the manifest's files).</summary>
    [JsonPropertyName("file_count")]
    [JsonPropertyOrder(1)]
    public required int FileCount { get; init; }

    /// <summary>How many clean partitions the run appended to (the manifest's partitions).</summary>
    [JsonPropertyName("partition_count")]
    [JsonPropertyOrder(1)]
    public required int PartitionCount { get; init; }

    /// <summary>The summary of a committed manifest.</summary>
    public static RunManifestSummary Of(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new RunManifestSummary(manifest);
    }
}
