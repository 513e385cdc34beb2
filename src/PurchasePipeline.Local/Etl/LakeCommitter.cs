using System.Text.Json;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Makes a run's output visible all at once. A run writes everything under lake/_staging/RUN; committing
/// writes a journal (the commit point), moves the staged files into place, saves the bookmark, then
/// deletes the journal. On start, <see cref="Recover"/> finishes any commit that was interrupted and
/// throws away staging that never reached its commit point, so a killed job leaves no partial output
/// and never loses a committed one.
/// </summary>
internal sealed class LakeCommitter(LocalHome home, BookmarkStore bookmarks)
{
    /// <summary>The staging folder of a run.</summary>
    public string StagingOf(string runId) => Path.Combine(home.Staging, runId);

    /// <summary>Commits a run's staged output and its bookmark.</summary>
    public void Commit(string runId, Bookmark bookmarkAfter)
    {
        var staging = StagingOf(runId);
        var appendFiles = new List<string>();
        var replaceDirectories = new List<string>();
        foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(staging, file);
            if (relative.StartsWith("aggregates" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                var directory = Path.GetDirectoryName(relative)!;
                if (!replaceDirectories.Contains(directory))
                {
                    replaceDirectories.Add(directory);
                }
            }
            else
            {
                appendFiles.Add(relative);
            }
        }

        var journal = new CommitJournal(runId, appendFiles, replaceDirectories, new(bookmarkAfter.Objects, StringComparer.Ordinal));
        AtomicFile.WriteAllText(JournalOf(runId), JsonSerializer.Serialize(journal, LocalJson.Default.CommitJournal));
        CrashPoint.Reach(CrashPoint.CommitJournal);
        Apply(journal);
    }

    /// <summary>Rolls interrupted commits forward and deletes staging that was never committed.</summary>
    public void Recover()
    {
        if (Directory.Exists(home.Commits))
        {
            foreach (var path in Directory.GetFiles(home.Commits, "*.json").Order(StringComparer.Ordinal))
            {
                var journal = JsonSerializer.Deserialize(File.ReadAllText(path), LocalJson.Default.CommitJournal)
                    ?? throw new InvalidDataException($"{path}: empty commit journal");
                Apply(journal);
            }
        }

        if (Directory.Exists(home.Staging))
        {
            foreach (var staging in Directory.GetDirectories(home.Staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Whether a run's commit journal is written: from then on its staged output belongs to the commit.</summary>
    public bool ReachedCommitPoint(string runId) => File.Exists(JournalOf(runId));

    private string JournalOf(string runId) => Path.Combine(home.Commits, runId + ".json");

    private void Apply(CommitJournal journal)
    {
        var staging = StagingOf(journal.RunId);
        foreach (var relative in journal.AppendFiles)
        {
            var source = Path.Combine(staging, relative);
            if (File.Exists(source))
            {
                var target = Path.Combine(home.Lake, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
            }
        }

        foreach (var relative in journal.ReplaceDirectories)
        {
            var source = Path.Combine(staging, relative);
            if (Directory.Exists(source))
            {
                var target = Path.Combine(home.Lake, relative);
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                Directory.Move(source, target);
            }
        }

        CrashPoint.Reach(CrashPoint.BeforeBookmark);
        bookmarks.Save(new Bookmark(journal.Bookmark));
        CrashPoint.Reach(CrashPoint.BookmarkWritten);
        File.Delete(JournalOf(journal.RunId));
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
