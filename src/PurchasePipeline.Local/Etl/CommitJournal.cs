namespace PurchasePipeline.Local.Etl;

/// <summary>
/// What committing one run's staged output means, written before the first file moves: the files to
/// append, the partition folders to replace (paths relative to the lake and to the run's staging
/// folder alike) and the bookmark to save last. Replaying it is idempotent.
/// </summary>
internal sealed record CommitJournal(
    string RunId,
    IReadOnlyList<string> AppendFiles,
    IReadOnlyList<string> ReplaceDirectories,
    Dictionary<string, string> Bookmark);
