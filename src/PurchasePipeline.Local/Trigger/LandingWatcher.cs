using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Trigger;

/// <summary>
/// The local EventBridge: finds objects created or overwritten under landing/, turns each into the
/// Object Created event S3 would send, and keeps the ones the rule's pattern matches. An object is
/// announced once it has stopped changing between two scans and no program holds it open for writing
/// (<see cref="ObjectsBeingWritten"/>: a writer that does not rename into place is not caught mid-write), and
/// until it has an execution that was not aborted: delivery is at least once, like EventBridge's. The executions store is the record of what was handled (an execution is recorded
/// before it runs), so a watcher killed at any point announces again, when restarted, every object whose
/// execution never started or was aborted (<see cref="ExecutionStore"/> closes those of a dead process).
/// trigger/emitted.json remembers the objects whose execution ended, so a scan asks the store only about
/// the others.
/// </summary>
public sealed class LandingWatcher(LocalHome home, EventPattern pattern, string bucket, TimeProvider time, ExecutionStore executions)
{
    private readonly Dictionary<string, string> pendingEtags = new(StringComparer.Ordinal);
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    private string EmittedPath => Path.Combine(home.Root, "trigger", "emitted.json");

    /// <summary>
    /// The event for one object, whether or not the pattern matches it. Its time is when the object was written (S3's
    /// event time is the upload's), or now if that is later: a run that read the object ended after it, which is
    /// what the job's run listing relies on (GetJobRuns since the event), however late the watcher saw the object.
    /// </summary>
    public JsonObject EventFor(RawObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var now = time.GetUtcNow();
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(raw.Path), TimeSpan.Zero);
        return ObjectCreatedEvent.Create(bucket, raw.Key, raw.Size, raw.ETag, written < now ? written : now);
    }

    /// <summary>Whether the rule's pattern matches an event (only matching events start executions).</summary>
    public bool Matches(JsonObject created) => pattern.Matches(created);

    /// <summary>Records that the execution for an object's event ended (not aborted): the object is not announced again at this etag.</summary>
    public void MarkEmitted(JsonNode created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var (key, etag) = ((string?)created["detail"]?["object"]?["key"], (string?)created["detail"]?["object"]?["etag"]);
        if (key is not null && etag is not null)
        {
            SaveEmitted(new Dictionary<string, string>(LoadEmitted(), StringComparer.Ordinal) { [key] = etag });
        }
    }

    /// <summary>
    /// One scan: events for settled objects that the pattern matches and that have no execution yet (or only
    /// aborted ones). <paramref name="report"/> gets one line for each thing under landing/ that is not an
    /// object (ignored by design, a link), once.
    /// </summary>
    public IReadOnlyList<JsonObject> Scan(Action<string>? report = null)
    {
        var emitted = LoadEmitted();
        var settled = new List<RawObject>();
        foreach (var raw in LandingZone.List(home, home.Landing, Report))
        {
            if (emitted.TryGetValue(raw.Key, out var etag) && (etag == raw.ETag || etag == LandingZone.LegacyETagOf(raw)))
            {
                continue;
            }

            // Settled: the same etag as the previous scan saw.
            if (!pendingEtags.TryGetValue(raw.Key, out var previous) || previous != raw.ETag)
            {
                pendingEtags[raw.Key] = raw.ETag;
                continue;
            }

            settled.Add(raw);
        }

        // A writer that pauses longer than a scan with the file open would otherwise have half a file announced.
        var beingWritten = ObjectsBeingWritten.Among(settled);
        settled.RemoveAll(raw => beingWritten.Contains(raw.Path));
        settled.ForEach(raw => pendingEtags.Remove(raw.Key));

        var matching = settled.Select(raw => (Raw: raw, Event: EventFor(raw))).Where(e => Matches(e.Event)).ToList();
        var handled = matching.Count > 0 ? executions.HandledObjects() : new Dictionary<(string, string), bool>();
        // Done with: objects the rule does not match (they never start an execution), and objects handled by an
        // execution that ended (another command's, or one whose watch died before recording it here).
        var done = settled.Where(raw => !matching.Exists(e => e.Raw == raw)
            || (handled.TryGetValue((raw.Key, raw.ETag), out var running) && !running)).ToList();
        if (done.Count > 0)
        {
            done.ForEach(raw => emitted[raw.Key] = raw.ETag);
            SaveEmitted(emitted);
        }

        return [.. matching.Where(e => !handled.ContainsKey((e.Raw.Key, e.Raw.ETag))).Select(e => e.Event)];

        void Report(string line)
        {
            if (reported.Add(line))
            {
                report?.Invoke(line);
            }
        }
    }

    /// <summary>
    /// Scans every <paramref name="interval"/> and hands each event to <paramref name="onEvent"/>, one at a time,
    /// until cancelled. On start, objects announced before but without an execution that was not aborted (a
    /// watcher or run that was killed) are announced again.
    /// </summary>
    public async Task WatchAsync(Func<JsonObject, CancellationToken, Task> onEvent, TimeSpan interval, Action<string>? report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        ForgetUnhandled();
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var created in Scan(report))
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

    /// <summary>Drops from emitted.json the objects whose executions were all aborted, so the next scans announce them again.</summary>
    public void ForgetUnhandled()
    {
        var emitted = LoadEmitted();
        if (emitted.Count == 0)
        {
            return;
        }

        var handled = executions.HandledObjects();
        var unhandled = emitted.Where(e => !handled.ContainsKey((e.Key, e.Value))).Select(e => e.Key).ToList();
        if (unhandled.Count > 0)
        {
            unhandled.ForEach(key => emitted.Remove(key));
            SaveEmitted(emitted);
        }
    }

    private void SaveEmitted(Dictionary<string, string> emitted) =>
        AtomicFile.WriteAllText(EmittedPath, JsonSerializer.Serialize(emitted, LocalJson.Default.DictionaryStringString));

    /// <exception cref="InvalidDataException">emitted.json is not the trigger's JSON (truncated, edited).</exception>
    private Dictionary<string, string> LoadEmitted()
    {
        if (!File.Exists(EmittedPath))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return new Dictionary<string, string>(
                JsonSerializer.Deserialize(File.ReadAllText(EmittedPath), LocalJson.Default.DictionaryStringString) ?? throw new JsonException("null"),
                StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{EmittedPath}: not valid JSON ({e.Message.ReplaceLineEndings(" ")}); delete it: the trigger then asks the executions store which objects were handled", e);
        }
    }
}
