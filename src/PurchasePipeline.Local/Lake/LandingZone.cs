using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The local stand-in for the S3 bucket: lists raw objects with an etag. The etag is derived from the
/// file's size and last-write time, so a re-uploaded (overwritten) object gets a new one, like S3's, and
/// listing stays a stat per file rather than a read (the cost of a run must not grow with history).
/// </summary>
public static class LandingZone
{
    /// <summary>Raw purchase objects, ordered by key; hidden and temporary files (., _, ~) are not objects.</summary>
    public static IReadOnlyList<RawObject> ListRaw(LocalHome home)
    {
        if (!Directory.Exists(home.Raw))
        {
            return [];
        }

        return
        [
            .. Directory.EnumerateFiles(home.Raw, "*", SearchOption.AllDirectories)
                .Where(IsObject)
                .Select(path => Describe(home, path))
                .OrderBy(o => o.Key, StringComparer.Ordinal)
        ];
    }

    /// <summary>The object for one file under landing/.</summary>
    public static RawObject Describe(LocalHome home, string path)
    {
        var info = new FileInfo(path);
        return new RawObject(home.KeyOf(path), ETagOf(info), info.Length, info.FullName);
    }

    /// <summary>The etag of a file: a hash of its size and last-write time.</summary>
    public static string ETagOf(FileInfo file)
    {
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{file.Length}:{file.LastWriteTimeUtc.Ticks}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..32];
    }

    private static bool IsObject(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length > 0 && name[0] is not ('.' or '_' or '~') && !name.EndsWith(".tmp", StringComparison.Ordinal);
    }
}
