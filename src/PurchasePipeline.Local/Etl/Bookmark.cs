using System.Security.Cryptography;
using System.Text;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// A job bookmark: the raw objects (key → etag) a job has processed and committed. An object is new
/// when its key is absent or its etag differs (it was overwritten).
/// </summary>
public sealed record Bookmark(IReadOnlyDictionary<string, string> Objects)
{
    /// <summary>A bookmark that has seen nothing.</summary>
    public static Bookmark Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Whether the object at this etag still needs processing.</summary>
    public bool IsNew(RawObject raw) => !Objects.TryGetValue(raw.Key, out var etag) || etag != raw.ETag;

    /// <summary>This bookmark plus the given objects at their current etags.</summary>
    public Bookmark With(IEnumerable<RawObject> processed)
    {
        var objects = new Dictionary<string, string>(Objects, StringComparer.Ordinal);
        foreach (var raw in processed)
        {
            objects[raw.Key] = raw.ETag;
        }

        return new Bookmark(objects);
    }

    /// <summary>This bookmark with each entry that holds an object's legacy etag (<see cref="LandingZone.LegacyETagOf"/>) moved to its ETag.</summary>
    public Bookmark CarriedOver(IEnumerable<RawObject> listed)
    {
        var moved = listed.Where(raw => Objects.TryGetValue(raw.Key, out var etag) && etag != raw.ETag && etag == LandingZone.LegacyETagOf(raw)).ToList();
        return moved.Count == 0 ? this : With(moved);
    }

    /// <summary>Size and content digest, for the run manifest.</summary>
    public BookmarkSummary Summarize()
    {
        var text = new StringBuilder();
        foreach (var (key, etag) in Objects.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(etag).Append('\n');
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        return new BookmarkSummary(Objects.Count, digest);
    }
}
