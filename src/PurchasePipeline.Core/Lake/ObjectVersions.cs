using System.Security.Cryptography;

namespace PurchasePipeline.Core.Lake;

/// <summary>
/// A folder that plays the bucket (the local plane's landing/, a <c>generate --out</c> folder) keeps the
/// earlier version of an object that is written over, as the deployed bucket does with versioning on
/// (infra). Earlier versions live under <c>.versions/KEY/ETAG.ext</c> next to the objects: a name starting
/// with '.' is hidden from everything that lists objects (<see cref="Trigger.ObjectNames"/>), so a kept
/// version is never crawled, read by the job or announced by the watcher.
/// </summary>
public static class ObjectVersions
{
    /// <summary>The folder, under the bucket's root, that holds earlier versions.</summary>
    public const string Folder = ".versions";

    /// <summary>
    /// The key an earlier version of <paramref name="key"/> is kept under: named by its ETag (content-addressed, so
    /// putting back a version that was kept before stores nothing twice), with the object's extension so it opens
    /// like the object. Its last-write time is when that version was written.
    /// </summary>
    public static string KeyOf(string key, string etag) => $"{Folder}/{key}/{etag}{Path.GetExtension(key)}";

    /// <summary>
    /// Moves the complete file <paramref name="written"/> (in the same folder tree, under a name no reader lists)
    /// to <paramref name="key"/> below <paramref name="root"/> in one rename. An object already there with other
    /// content is kept at <see cref="KeyOf"/> first, by the same call (<see cref="File.Replace(string, string, string)"/>):
    /// readers see the earlier object or the new one, never none and never part of one.
    /// </summary>
    public static ObjectPut Put(string root, string key, string written)
    {
        var target = PathOf(root, key);
        var etag = ETagOf(written);
        if (!File.Exists(target))
        {
            File.Move(written, target, overwrite: true);
            return new ObjectPut(key, etag, EarlierETag: null, KeptAs: null);
        }

        var earlier = ETagOf(target);
        if (earlier == etag)
        {
            File.Move(written, target, overwrite: true);
            return new ObjectPut(key, etag, earlier, KeptAs: null);
        }

        var kept = KeyOf(key, earlier);
        var keptPath = PathOf(root, kept);
        Directory.CreateDirectory(Path.GetDirectoryName(keptPath)!);
        File.Replace(written, target, keptPath);
        return new ObjectPut(key, etag, earlier, kept);
    }

    /// <summary>
    /// The ETag S3 gives an object uploaded in one part, and the Object Created event carries: the lower-case hex MD5
    /// of its content.
    /// </summary>
    public static string ETagOf(string path)
    {
        using var stream = File.OpenRead(path);
#pragma warning disable CA5351 // S3's ETag is an MD5; it identifies content, it protects nothing.
        return Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
    }

    private static string PathOf(string root, string key) => Path.Combine([root, .. key.Split('/')]);
}

/// <summary>
/// What a put did: the object's new ETag, the ETag of the object it replaced (null when the key was free) and, when
/// that one had other content, the key it is kept under.
/// </summary>
public sealed record ObjectPut(string Key, string ETag, string? EarlierETag, string? KeptAs)
{
    /// <summary>One line for the person who put it (<paramref name="root"/>: the bucket's folder), or null when the key was free.</summary>
    public string? NoticeIn(string root) => (EarlierETag, KeptAs) switch
    {
        (null, _) => null,
        (_, null) => $"{Key}: landed again with the same content (ETag {ETag}): a re-delivery, which the job does not read again",
        _ => $"{Key}: replaced an earlier version (ETag {EarlierETag}), which is kept as {Path.Combine([root, .. KeptAs.Split('/')])}",
    };
}
