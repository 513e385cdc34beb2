using System.Globalization;
using DuckDB.NET.Data;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;
using PurchasePipeline.Local.Validation;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// The Glue ETL job on DuckDB: reads the raw objects its bookmark has not seen, runs glue/sql, writes
/// clean, rejected and aggregate Parquet plus a run manifest to staging, audits the staged run with the
/// glue/validation rules, and only then commits output and bookmark together (<see cref="LakeCommitter"/>):
/// write-audit-publish, so a broken rule leaves the lake and the bookmark as they were.
/// </summary>
public sealed class LocalEtlJob
{
    /// <summary>The job's name, as in AWS.</summary>
    public const string JobName = "clean_purchases";

    /// <summary>
    /// Views the transform reads more than once; materialised so they are computed once. They are tables of an
    /// in-memory database with a memory limit: what does not fit is spilled under the home's temp folder (<see cref="DuckMemory"/>).
    /// </summary>
    private static readonly HashSet<string> Materialized = new(StringComparer.Ordinal) { "rejected_purchases", "clean_purchases", "touched_purchases" };

    /// <summary>The one view that reads raw_purchases: <see cref="TypedInput"/> builds it.</summary>
    internal const string ReadsRaw = TypedInput.View;

    private readonly LocalHome home;
    private readonly TimeProvider time;
    private readonly BookmarkStore bookmarks;
    private readonly LakeCommitter committer;
    private readonly IValidationRules rules;
    private readonly PartitionCompactor compactor;

    /// <param name="home">The home whose raw objects are read and whose lake is written.</param>
    /// <param name="time">The clock of the run's times.</param>
    /// <param name="rules">The glue/validation rules the staged run is audited with before it is published.</param>
    public LocalEtlJob(LocalHome home, TimeProvider time, IValidationRules rules)
    {
        this.home = home;
        this.time = time;
        this.rules = rules;
        compactor = new PartitionCompactor(home);
        bookmarks = new BookmarkStore(home.Bookmarks, JobName);
        committer = new LakeCommitter(home, bookmarks);
    }

    /// <summary>
    /// Runs the job once over the new raw objects and returns the committed manifest. A new object that cannot be
    /// read is quarantined (listed in the manifest with why, bookmarked, kept in raw/), not a failure of the run.
    /// </summary>
    /// <exception cref="Core.Errors.ConcurrentRunsExceededException">Another run holds the job.</exception>
    /// <exception cref="DataQualityCheckFailedException">The staged output broke a rule; nothing is committed.</exception>
    public RunManifest Run(EtlRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EtlRunOptions();
        using var jobLock = JobLock.Acquire(home.Lake, JobName, options.WaitForJob, cancellationToken);
        committer.Recover();
        compactor.Recover();
        if (options.ResetBookmark)
        {
            bookmarks.Reset();
        }

        var startedAt = time.GetUtcNow();
        var runId = options.RunId ?? NewRunId(startedAt);
        var listed = LandingZone.ListRaw(home);
        var loaded = bookmarks.Load();
        var before = loaded.CarriedOver(listed);
        if (before != loaded)
        {
            bookmarks.Save(before);
        }

        var pending = listed.Where(before.IsNew).ToList();
        options.Progress?.Report($"{runId}: {pending.Count} new object(s)");
        var beingWritten = ObjectsBeingWritten.Among(pending);
        var staging = committer.StagingOf(runId);
        var memory = new DuckMemory(home, options.MemoryLimit) { PreserveInsertionOrder = false };
        try
        {
            var (manifest, after) = Stage(memory, pending, beingWritten, before, startedAt, runId, staging, options.Progress, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            // The transform's database is closed by now: the audit's instance gets the memory limit to itself.
            var report = new LocalValidator(home, rules) { Memory = memory }.Validate(runId, staging);
            if (!report.Passed)
            {
                throw new DataQualityCheckFailedException(report);
            }

            options.Progress?.Report($"{runId}: audited the staged run: {report.Rules.Count} rule(s) passed");
            CrashPoint.Reach(CrashPoint.Staged);
            committer.Commit(runId, after);
            Compact(manifest, memory, options.Progress);
            options.Progress?.Report($"{runId}: committed {manifest.RowsClean} clean, {manifest.RowsRejected} rejected, {manifest.RowsDeduplicated} duplicate row(s)");
            return manifest;
        }
        catch (DuckDBException e) when (DuckMemory.IsOutOfMemory(e))
        {
            throw memory.Exceeded("the job", e);
        }
        finally
        {
            // Not committed: the run leaves nothing behind and its objects stay new for the next run. Past the
            // commit point the journal needs the staged files: the next run's Recover finishes the commit.
            if (Directory.Exists(staging) && !committer.ReachedCommitPoint(runId))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Reads the new objects, runs the transform and writes the staged output and manifest, in a DuckDB instance that
    /// is closed when this returns: its tables (the whole batch, typed) are gone before the audit opens its own.
    /// </summary>
    private (RunManifest Manifest, Bookmark After) Stage(
        DuckMemory memory,
        List<RawObject> pending,
        IReadOnlySet<string> beingWritten,
        Bookmark before,
        DateTimeOffset startedAt,
        string runId,
        string staging,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        using var connection = memory.Open();
        progress?.Report(connection.Query(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory')",
            r => $"{runId}: DuckDB memory limit {r.GetString(0)}, spilling to {r.GetString(1)}").Single());
        var (quarantined, deferred) = DefineInputs(connection, pending, beingWritten, runId);
        deferred.ForEach(raw => progress?.Report($"{runId}: {raw.Key}: left for a later run: another program is still writing it"));
        var read = pending.Except(deferred).ToList();
        progress?.Report($"{runId}: read {read.Count - quarantined.Count} object(s) into {ReadsRaw}");
        RunTransform(connection, progress);
        cancellationToken.ThrowIfCancellationRequested();
        var fileRows = WriteOutputs(connection, staging, runId, progress);
        var after = before.With(read);
        var manifest = new RunManifest
        {
            RunId = runId,
            JobName = JobName,
            StartedAt = startedAt,
            CompletedAt = time.GetUtcNow(),
            RowsIn = connection.ScalarLong($"SELECT count(*) FROM {ReadsRaw}"),
            RowsClean = connection.ScalarLong("SELECT count(*) FROM clean_purchases"),
            RowsRejected = connection.ScalarLong("SELECT count(*) FROM rejected_purchases"),
            RowsDeduplicated = connection.ScalarLong(
                $"SELECT (SELECT count(*) FROM {ReadsRaw}) - (SELECT count(*) FROM clean_purchases) - (SELECT count(*) FROM rejected_purchases)"),
            Files = [.. read.Where(o => !quarantined.Exists(q => q.Key == o.Key)).Select(o => new ProcessedObject(o.Key, o.ETag, fileRows.GetValueOrDefault(o.Key)))],
            Quarantined = quarantined,
            Partitions = connection.Query(
                "SELECT purchase_date, count(*) FROM clean_purchases GROUP BY purchase_date ORDER BY purchase_date",
                r => new PartitionCount(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt64(1))),
            RejectedByReason = connection.Query(
                "SELECT reject_reason, count(*) FROM rejected_purchases GROUP BY reject_reason ORDER BY reject_reason",
                r => KeyValuePair.Create(r.GetString(0), r.GetInt64(1))).ToDictionary(StringComparer.Ordinal),
            BookmarkBefore = before.Summarize(),
            BookmarkAfter = after.Summarize(),
        };
        AtomicFile.WriteAllText(Path.Combine(staging, "manifests", runId + ".json"), RunManifestJson.Serialize(manifest));
        return (manifest, after);
    }

    /// <summary>
    /// Compacts the clean partitions the run appended to. The run is published already: a compaction that fails (a full
    /// disk) leaves the partition's files as they were and is tried again by the next run that writes there.
    /// </summary>
    private void Compact(RunManifest manifest, DuckMemory memory, IProgress<string>? progress)
    {
        var partitions = manifest.Partitions.Select(p => home.CleanPartitionOf(p.PurchaseDate));
        try
        {
            foreach (var partition in compactor.Compact([.. partitions, .. ExistingRejected.Partitions(home)], manifest.RunId, memory))
            {
                progress?.Report($"{manifest.RunId}: compacted {Path.GetFileName(partition)} into one file");
            }
        }
        catch (Exception e) when (e is IOException or DuckDBException)
        {
            progress?.Report($"{manifest.RunId}: compaction left for a later run: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>A new run id: jr_, the UTC start time, and a random suffix, so ids sort by start.</summary>
    public static string NewRunId(DateTimeOffset startedAt) =>
        "jr_" + startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Defines the inputs and reads every new object into <see cref="ReadsRaw"/> (<see cref="TypedInput"/>). An object
    /// that cannot be read (no purchase header, a line beyond what the reader accepts, not CSV at all) is blamed on
    /// itself and quarantined, and the run goes on with the others; the bookmark moves past it at this etag. An I/O
    /// error is not the object's fault and may pass: it fails the run, which commits nothing.
    /// </summary>
    /// <remarks>
    /// An object another program is still writing in place (<see cref="ObjectsBeingWritten"/>: held open for writing
    /// before the read, or changed while it was read) is deferred: none of its rows are kept and it stays new, so the
    /// run after its writer is done reads it whole. Half of it is never read (issue 9: one row in clean and rejected).
    /// </remarks>
    /// <returns>The quarantined objects with why, and the deferred ones, in key order.</returns>
    private (List<QuarantinedObject> Quarantined, List<RawObject> Deferred) DefineInputs(
        DuckDBConnection connection, IReadOnlyList<RawObject> pending, IReadOnlySet<string> beingWritten, string runId)
    {
        connection.Execute("CREATE TEMP VIEW users AS " + LakeSources.Users(home));
        ExistingRejected.Define(connection);
        var quarantined = new List<QuarantinedObject>();
        var deferred = pending.Where(raw => beingWritten.Contains(raw.Path)).ToList();
        var readable = new List<RawObject>();
        foreach (var raw in pending.Except(deferred))
        {
            try
            {
                // Reads the object's header: a file that is no purchase file is quarantined before DuckDB reads it.
                _ = RawSources.Select(raw, runId, parallel: true);
                readable.Add(raw);
            }
            catch (Exception e) when (e is RawFileException or InvalidDataException)
            {
                quarantined.Add(new QuarantinedObject(raw.Key, raw.ETag, RawSources.Unreadable(raw, e)));
            }
        }

        var stamps = readable.ToDictionary(raw => raw.Key, ObjectsBeingWritten.Stamp, StringComparer.Ordinal);
        var input = TypedInput.Read(connection, readable, runId);
        quarantined.AddRange(input.Quarantined);
        foreach (var raw in readable.Where(raw => ObjectsBeingWritten.Changed(raw, stamps[raw.Key])))
        {
            // Written to while it was read: its rows (or its error) are of a partial file.
            input.Remove(raw);
            quarantined.RemoveAll(q => q.Key == raw.Key);
            deferred.Add(raw);
        }

        quarantined.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (quarantined, deferred);
    }

    /// <summary>
    /// Binds the views after <see cref="ReadsRaw"/>, in the order of glue/sql/README.md (<see cref="TransformBinding"/>).
    /// </summary>
    private void RunTransform(DuckDBConnection connection, IProgress<string>? progress)
    {
        foreach (var (view, script) in TransformBinding.Order(SqlFolder.Transform).Skip(TransformBinding.Inputs.Count).Where(v => v.View != ReadsRaw))
        {
            if (script is null)
            {
                // Only now are the batch's purchase dates known: existing_purchases reads just their partitions.
                ExistingPurchases.Define(connection, home);
                continue;
            }

            var kind = Materialized.Contains(view) ? "TABLE" : "VIEW";
            connection.Execute($"CREATE OR REPLACE TEMP {kind} {view} AS\n{script.Text}");
            if (view == ExistingRejected.CollectAfter && ExistingRejected.Collect(connection, home))
            {
                // Some of the batch's rejected rows are in the lake already: the same SQL again, now leaving them out.
                connection.Execute($"CREATE OR REPLACE TEMP {kind} {view} AS\n{script.Text}");
            }

            progress?.Report("ran " + view);
        }
    }

    private Dictionary<string, long> WriteOutputs(DuckDBConnection connection, string staging, string runId, IProgress<string>? progress)
    {
        string Target(params string[] parts) => Duck.Duck.PathLiteral(Path.Combine([staging, .. parts]));
        Directory.CreateDirectory(Path.Combine(staging, "clean"));
        Directory.CreateDirectory(Path.Combine(staging, "aggregates"));
        connection.Execute(
            $"COPY clean_purchases TO {Target("clean", "purchases")} (FORMAT parquet, PARTITION_BY (purchase_date), FILENAME_PATTERN 'part-{runId}-{{i}}', OVERWRITE_OR_IGNORE)");
        if (connection.ScalarLong("SELECT count(*) FROM rejected_purchases") > 0)
        {
            Directory.CreateDirectory(Path.Combine(staging, "rejected", "purchases", "run_id=" + runId));
            connection.Execute(
                $"COPY (SELECT * EXCLUDE (run_id) FROM rejected_purchases ORDER BY source_file, source_row) TO {Target("rejected", "purchases", "run_id=" + runId, "part-0.parquet")} (FORMAT parquet)");
            ExistingRejected.Write(connection, home, staging, runId);
        }

        foreach (var script in SqlFolder.Transform.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal)))
        {
            connection.Execute(
                $"COPY {script.Name} TO {Target("aggregates", script.Name)} (FORMAT parquet, PARTITION_BY (purchase_date), FILENAME_PATTERN 'part-{{i}}', OVERWRITE_OR_IGNORE)");
        }

        progress?.Report("wrote clean, rejected and aggregate parquet to staging");
        return connection.Query(
            $"SELECT source_file, count(*) FROM {ReadsRaw} GROUP BY source_file",
            r => KeyValuePair.Create(r.GetString(0), r.GetInt64(1))).ToDictionary(StringComparer.Ordinal);
    }
}
