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

    /// <summary>Views the transform reads more than once; materialised so they are computed once.</summary>
    private static readonly HashSet<string> Materialized = new(StringComparer.Ordinal) { "typed_purchases", "rejected_purchases", "clean_purchases", "touched_purchases" };

    private readonly LocalHome home;
    private readonly TimeProvider time;
    private readonly BookmarkStore bookmarks;
    private readonly LakeCommitter committer;
    private readonly LocalValidator audit;
    private readonly PartitionCompactor compactor;

    /// <param name="home">The home whose raw objects are read and whose lake is written.</param>
    /// <param name="time">The clock of the run's times.</param>
    /// <param name="rules">The glue/validation rules the staged run is audited with before it is published.</param>
    public LocalEtlJob(LocalHome home, TimeProvider time, IValidationRules rules)
    {
        this.home = home;
        this.time = time;
        audit = new LocalValidator(home, rules);
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
        var staging = committer.StagingOf(runId);
        try
        {
            using var connection = Duck.Duck.OpenInMemory();
            var quarantined = DefineInputs(connection, pending, runId);
            RunTransform(connection, options.Progress);
            cancellationToken.ThrowIfCancellationRequested();
            var fileRows = WriteOutputs(connection, staging, runId, options.Progress);
            var after = before.With(pending);
            var manifest = new RunManifest
            {
                RunId = runId,
                JobName = JobName,
                StartedAt = startedAt,
                CompletedAt = time.GetUtcNow(),
                RowsIn = connection.ScalarLong("SELECT count(*) FROM raw_purchases"),
                RowsClean = connection.ScalarLong("SELECT count(*) FROM clean_purchases"),
                RowsRejected = connection.ScalarLong("SELECT count(*) FROM rejected_purchases"),
                RowsDeduplicated = connection.ScalarLong(
                    "SELECT (SELECT count(*) FROM raw_purchases) - (SELECT count(*) FROM clean_purchases) - (SELECT count(*) FROM rejected_purchases)"),
                Files = [.. pending.Where(o => !quarantined.Exists(q => q.Key == o.Key)).Select(o => new ProcessedObject(o.Key, o.ETag, fileRows.GetValueOrDefault(o.Key)))],
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
            cancellationToken.ThrowIfCancellationRequested();
            var report = audit.Validate(runId, staging);
            if (!report.Passed)
            {
                throw new DataQualityCheckFailedException(report);
            }

            CrashPoint.Reach(CrashPoint.Staged);
            committer.Commit(runId, after);
            Compact(manifest, options.Progress);
            options.Progress?.Report($"{runId}: committed {manifest.RowsClean} clean, {manifest.RowsRejected} rejected, {manifest.RowsDeduplicated} duplicate row(s)");
            return manifest;
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
    /// Compacts the clean partitions the run appended to. The run is published already: a compaction that fails (a full
    /// disk) leaves the partition's files as they were and is tried again by the next run that writes there.
    /// </summary>
    private void Compact(RunManifest manifest, IProgress<string>? progress)
    {
        var partitions = manifest.Partitions.Select(p => home.CleanPartitionOf(p.PurchaseDate));
        try
        {
            foreach (var partition in compactor.Compact([.. partitions, .. ExistingRejected.Partitions(home)], manifest.RunId))
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
    /// Reads each new object into raw_purchases on its own, so an object that cannot be read (no purchase header,
    /// a line beyond what the reader accepts, not CSV at all) is blamed on itself and quarantined: the run goes on
    /// with the others, and the bookmark moves past it at this etag. A failed INSERT adds no rows. An I/O error is
    /// not the object's fault and may pass: it fails the run, which commits nothing, as before.
    /// </summary>
    /// <returns>The quarantined objects with why, in key order.</returns>
    private List<QuarantinedObject> DefineInputs(DuckDBConnection connection, IReadOnlyList<RawObject> pending, string runId)
    {
        connection.Execute("CREATE TEMP TABLE raw_purchases AS " + RawSources.Select([], runId));
        var quarantined = new List<QuarantinedObject>();
        foreach (var raw in pending)
        {
            try
            {
                connection.Execute("INSERT INTO raw_purchases " + RawSources.Select([raw], runId));
            }
            catch (Exception e) when (e is RawFileException or DuckDBException or InvalidDataException)
            {
                quarantined.Add(new QuarantinedObject(raw.Key, raw.ETag, RawSources.Unreadable(raw, e)));
            }
        }

        connection.Execute("CREATE TEMP VIEW users AS " + LakeSources.Users(home));
        ExistingRejected.Define(connection);
        return quarantined;
    }

    private void RunTransform(DuckDBConnection connection, IProgress<string>? progress)
    {
        foreach (var script in SqlFolder.Transform)
        {
            var kind = Materialized.Contains(script.Name) ? "TABLE" : "VIEW";
            connection.Execute($"CREATE OR REPLACE TEMP {kind} {script.Name} AS\n{script.Text}");
            if (script.Name == ExistingPurchases.DatesFrom)
            {
                // Only now are the batch's purchase dates known: existing_purchases reads just their partitions.
                ExistingPurchases.Define(connection, home);
            }

            if (script.Name == ExistingRejected.CollectAfter && ExistingRejected.Collect(connection, home))
            {
                // Some of the batch's rejected rows are in the lake already: the same SQL again, now leaving them out.
                connection.Execute($"CREATE OR REPLACE TEMP {kind} {script.Name} AS\n{script.Text}");
            }

            progress?.Report("ran " + script.Name);
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
            "SELECT source_file, count(*) FROM raw_purchases GROUP BY source_file",
            r => KeyValuePair.Create(r.GetString(0), r.GetInt64(1))).ToDictionary(StringComparer.Ordinal);
    }
}
