using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Trigger;

/// <summary>
/// The local EventBridge: finds objects created or overwritten under landing/, turns each into the
/// Object Created event S3 would send, and keeps the ones the rule's pattern matches. An object is
/// emitted once per etag, and only once it has stopped changing between two scans (a writer that does
/// not rename into place is not caught mid-write). What was emitted is remembered in trigger/emitted.json,
/// so a restarted watcher does not start executions for objects it already announced.
/// </summary>
public sealed class LandingWatcher(LocalHome home, EventPattern pattern, string bucket, TimeProvider time)
{
    private readonly Dictionary<string, string> pendingEtags = new(StringComparer.Ordinal);

    private string EmittedPath => Path.Combine(home.Root, "trigger", "emitted.json");

    /// <summary>The event for one object, whether or not the pattern matches it.</summary>
    public JsonObject EventFor(RawObject raw) => ObjectCreatedEvent.Create(bucket, raw.Key, raw.Size, raw.ETag, time.GetUtcNow());

    /// <summary>Whether the rule's pattern matches an event (only matching events start executions).</summary>
    public bool Matches(JsonObject created) => pattern.Matches(created);

    /// <summary>Records an object as announced (run, demo and rerun start their executions directly).</summary>
    public void MarkEmitted(RawObject raw)
    {
        var emitted = LoadEmitted();
        emitted[raw.Key] = raw.ETag;
        AtomicFile.WriteAllText(EmittedPath, JsonSerializer.Serialize(emitted, LocalJson.Default.DictionaryStringString));
    }

    /// <summary>One scan: events for settled, not yet announced objects that the pattern matches.</summary>
    public IReadOnlyList<JsonObject> Scan()
    {
        var emitted = LoadEmitted();
        var events = new List<JsonObject>();
        foreach (var raw in ListLanding())
        {
            if (emitted.TryGetValue(raw.Key, out var etag) && etag == raw.ETag)
            {
                continue;
            }

            // Settled: the same etag as the previous scan saw.
            if (!pendingEtags.TryGetValue(raw.Key, out var previous) || previous != raw.ETag)
            {
                pendingEtags[raw.Key] = raw.ETag;
                continue;
            }

            pendingEtags.Remove(raw.Key);
            emitted[raw.Key] = raw.ETag;
            var created = EventFor(raw);
            if (Matches(created))
            {
                events.Add(created);
            }
        }

        if (events.Count > 0)
        {
            AtomicFile.WriteAllText(EmittedPath, JsonSerializer.Serialize(emitted, LocalJson.Default.DictionaryStringString));
        }

        return events;
    }

    /// <summary>Scans every <paramref name="interval"/> and hands each event to <paramref name="onEvent"/>, one at a time, until cancelled.</summary>
    public async Task WatchAsync(Func<JsonObject, CancellationToken, Task> onEvent, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var created in Scan())
            {
                await onEvent(created, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private IEnumerable<RawObject> ListLanding() =>
        Directory.Exists(home.Landing)
            ? Directory.EnumerateFiles(home.Landing, "*", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(p) is var n && n.Length > 0 && n[0] is not ('.' or '_' or '~') && !n.EndsWith(".tmp", StringComparison.Ordinal))
                .Select(p => LandingZone.Describe(home, p))
                .OrderBy(o => o.Key, StringComparer.Ordinal)
            : [];

    private Dictionary<string, string> LoadEmitted() =>
        File.Exists(EmittedPath)
            ? new Dictionary<string, string>(JsonSerializer.Deserialize(File.ReadAllText(EmittedPath), LocalJson.Default.DictionaryStringString)!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
