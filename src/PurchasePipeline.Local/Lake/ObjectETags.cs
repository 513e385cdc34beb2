using System.Globalization;
using System.Text.Json;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Local.Etl;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The ETag of each object under landing/: the lower-case hex MD5 of its content, as S3 computes it for a
/// single-part upload and as the Object Created event carries it (unquoted). Hashing every object on every
/// run would make a run's cost grow with history, so each ETag is kept in trigger/etags.json with the size
/// and last-write time it was computed at, and computed again only when either changes. A rewrite that
/// keeps both (same length, mtime restored) is seen only when the file is landed through this project
/// (<see cref="Land"/>: `run`, `demo`), which always hashes what it wrote.
/// </summary>
public sealed class ObjectETags
{
    private readonly string file;
    private readonly Dictionary<string, string> entries;
    private bool changed;

    private ObjectETags(string file, Dictionary<string, string> entries)
    {
        this.file = file;
        this.entries = entries;
    }

    /// <summary>The cache of a home. A damaged cache is no loss: it is dropped and the ETags computed again.</summary>
    public static ObjectETags Load(LocalHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var file = Path.Combine(home.Root, "trigger", "etags.json");
        Dictionary<string, string>? entries = null;
        try
        {
            entries = File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllText(file), LocalJson.Default.DictionaryStringString) : null;
        }
        catch (JsonException)
        {
            entries = null;
        }

        return new ObjectETags(file, new Dictionary<string, string>(entries ?? [], StringComparer.Ordinal));
    }

    /// <summary>
    /// Records the ETag of a file just written under <paramref name="key"/>, hashing it whatever the cache
    /// holds (a corrected file may keep the size and last-write time of the one it replaces).
    /// </summary>
    public static string Land(LocalHome home, string key, string path)
    {
        var etags = Load(home);
        var info = new FileInfo(path);
        var etag = Hash(path);
        etags.entries[key] = Stamp(info) + etag;
        etags.changed = true;
        etags.SaveIfChanged();
        return etag;
    }

    /// <summary>The ETag of the object at <paramref name="key"/>, from the cache when the file's size and last-write time are those it was computed at.</summary>
    public string Of(string key, FileInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var stamp = Stamp(info);
        if (entries.TryGetValue(key, out var entry) && entry.StartsWith(stamp, StringComparison.Ordinal))
        {
            return entry[stamp.Length..];
        }

        var etag = Hash(info.FullName);
        entries[key] = stamp + etag;
        changed = true;
        return etag;
    }

    /// <summary>Writes the cache when an ETag was computed.</summary>
    public void SaveIfChanged()
    {
        if (changed)
        {
            // Another process may have written the file meanwhile: losing its entries only costs a hash later.
            AtomicFile.WriteAllText(file, JsonSerializer.Serialize(entries, LocalJson.Default.DictionaryStringString));
            changed = false;
        }
    }

    private static string Stamp(FileInfo info) =>
        string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}:");

    private static string Hash(string path) => ObjectVersions.ETagOf(path);
}
