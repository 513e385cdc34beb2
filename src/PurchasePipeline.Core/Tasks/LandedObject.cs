using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Core.Tasks;

/// <summary>The object an execution is for, as its Object Created event tells: key, etag, and when S3 created it.</summary>
internal sealed record LandedObject(string Key, string? ETag, DateTimeOffset Time)
{
    /// <summary>
    /// EventBridge's event time has whole seconds and the run times come from Glue's clock: one second either
    /// side keeps both comparisons on the safe side (a run counts as started after the object only when it surely was).
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>Runs that ended before this cannot have read the object.</summary>
    public DateTimeOffset EarliestReaderEnd => Time - Slack;

    /// <summary>The object of an execution's input; null when the input has no key or no event time (an input written by hand).</summary>
    public static LandedObject? Of(ObjectRef? raw, ExecutionInput? input) =>
        raw?.Key is { Length: > 0 } key && input?.Time is { } time ? new LandedObject(key, input.Detail?.RawObject?.ETag, time) : null;

    /// <summary>Whether the run started after the object landed, so its listing of raw/ sees it (S3 LIST is strongly consistent).</summary>
    public bool LandedBefore(JobRunStatus run) => run.StartedOn >= Time + Slack;

    /// <summary>
    /// Whether the run's manifest lists this object: the same key at the same etag, or the same key read by a run
    /// that started after the object landed (a later overwrite is a newer version of it, which supersedes it).
    /// </summary>
    public bool ReadBy(RunManifest manifest, JobRunStatus run) =>
        manifest.Files.Any(file => Is(file.Key, file.ETag, run));

    /// <summary>The run's manifest entry that quarantined this object (matched as <see cref="ReadBy"/> matches), or null.</summary>
    public QuarantinedObject? QuarantinedBy(RunManifest manifest, JobRunStatus run) =>
        manifest.Quarantined.FirstOrDefault(entry => Is(entry.Key, entry.ETag, run));

    private bool Is(string key, string etag, JobRunStatus run) => key == Key && (SameETag(etag) || LandedBefore(run));

    // Glue's manifest strips S3's quotes from the ETag, the event never has them; compare without.
    private bool SameETag(string etag) => ETag is { } mine && etag.Trim('"') == mine.Trim('"');
}
