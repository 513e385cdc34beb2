using System.Diagnostics;

namespace PurchasePipeline.Local;

/// <summary>
/// Named points where a crash matters most (the crash tests kill the process at each). When the environment
/// variable <see cref="Variable"/> names a point, the process kills itself with SIGKILL on reaching it: nothing of
/// its own runs after (no finally, no flush), as when the OOM killer or `kill -9` strikes there. Unset, reaching
/// a point costs one comparison. The names are defined here only; the tests read them from here.
/// </summary>
public static class CrashPoint
{
    /// <summary>The test-only environment variable that names the point to die at.</summary>
    public const string Variable = "PURCHASE_PIPELINE_CRASH_AT";

    /// <summary>The job has written all its output and manifest to lake/_staging/RUN, before the commit journal.</summary>
    public const string Staged = "staged";

    /// <summary>The commit journal is written (the commit point), before any staged file moves into the lake.</summary>
    public const string CommitJournal = "commit-journal";

    /// <summary>The staged output has moved into the lake, before the bookmark is saved.</summary>
    public const string BeforeBookmark = "before-bookmark";

    /// <summary>The bookmark is saved, before the commit journal is deleted.</summary>
    public const string BookmarkWritten = "bookmark-written";

    /// <summary>An execution is recorded RUNNING in executions.duckdb, before its first state runs.</summary>
    public const string ExecutionRecorded = "execution-recorded";

    /// <summary>An execution has ended and is recorded, before the trigger records the object as emitted.</summary>
    public const string TriggerRecord = "trigger-record";

    /// <summary>A partition's compacted file is written aside (lake/_compaction), before it is swapped in.</summary>
    public const string CompactionWritten = "compaction-written";

    /// <summary>A compacted partition is swapped in, before its old files (now aside) are deleted.</summary>
    public const string CompactionSwapped = "compaction-swapped";

    /// <summary>Every point a `run` of one new file reaches, for the tests.</summary>
    public static readonly IReadOnlyList<string> All = [Staged, CommitJournal, BeforeBookmark, BookmarkWritten, ExecutionRecorded, TriggerRecord];

    /// <summary>The points of a compaction (a partition with many small files), for the tests.</summary>
    public static readonly IReadOnlyList<string> Compaction = [CompactionWritten, CompactionSwapped];

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Dies here when the environment names this point.</summary>
    public static void Reach(string point)
    {
        if (string.Equals(Armed, point, StringComparison.Ordinal))
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
