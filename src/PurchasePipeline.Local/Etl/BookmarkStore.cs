using System.Text.Json;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Keeps a job's bookmark in bookmarks/JOB.json. Writes go to a temp file that is then renamed over the
/// old one, so a crash leaves either the old or the new bookmark, never half of one.
/// </summary>
public sealed class BookmarkStore(string folder, string jobName)
{
    /// <summary>The bookmark file.</summary>
    public string FilePath { get; } = Path.Combine(folder, jobName + ".json");

    /// <summary>The committed bookmark, or empty when the job never committed.</summary>
    /// <exception cref="InvalidDataException">The bookmark file is corrupt.</exception>
    public Bookmark Load()
    {
        if (!File.Exists(FilePath))
        {
            return Bookmark.Empty;
        }

        try
        {
            var objects = JsonSerializer.Deserialize(File.ReadAllText(FilePath), LocalJson.Default.DictionaryStringString)
                ?? throw new JsonException("null");
            return new Bookmark(new Dictionary<string, string>(objects, StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FilePath}: bookmark is not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>Replaces the committed bookmark.</summary>
    public void Save(Bookmark bookmark)
    {
        var sorted = bookmark.Objects.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        AtomicFile.WriteAllText(FilePath, JsonSerializer.Serialize(sorted, LocalJson.Default.DictionaryStringString));
    }

    /// <summary>Forgets every processed object: the next run reprocesses all of raw/.</summary>
    public void Reset() => Save(Bookmark.Empty);
}
