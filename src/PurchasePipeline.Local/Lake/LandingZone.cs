using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Trigger;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// The local stand-in for the S3 bucket: lists objects with their ETag (<see cref="ObjectETags"/>: the MD5
/// of the content, as S3 gives for a single-part upload). Names the pipeline never reads are not objects,
/// and symbolic links to folders are not followed (S3 has neither: a link would make files from outside
/// the home part of the bucket).
/// </summary>
public static class LandingZone
{
    /// <summary>Raw purchase objects (under raw/), ordered by key.</summary>
    public static IReadOnlyList<RawObject> ListRaw(LocalHome home) => List(home, home.Raw, report: null);

    /// <summary>
    /// The objects under <paramref name="folder"/> (landing/ or a folder in it), ordered by key, each with its
    /// ETag; <paramref name="report"/> gets a line for each name that is skipped and why.
    /// </summary>
    public static IReadOnlyList<RawObject> List(LocalHome home, string folder, Action<string>? report)
    {
        ArgumentNullException.ThrowIfNull(home);
        var files = new List<string>();
        var folders = new Stack<string>();
        var versions = Path.Combine(home.Landing, ObjectVersions.Folder);
        if (Directory.Exists(folder))
        {
            folders.Push(folder);
        }

        while (folders.TryPop(out var current))
        {
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                var isFolder = Directory.Exists(entry.FullName);
                var why = isFolder && entry.LinkTarget is { } target
                    ? $"a link to the folder {target}: not followed (the bucket has no links); copy its files under raw/ instead"
                    : ObjectNames.WhyIgnored(entry.Name);
                if (why is not null)
                {
                    // Earlier versions kept by landing (ObjectVersions) are hidden by design: nothing to report.
                    if (entry.FullName != versions)
                    {
                        report?.Invoke($"{home.KeyOf(entry.FullName)}{(isFolder ? "/" : string.Empty)}: {why}");
                    }
                }
                else if (isFolder)
                {
                    folders.Push(entry.FullName);
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }

        var etags = ObjectETags.Load(home);
        var objects = files.Select(path => Describe(home, path, etags)).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        etags.SaveIfChanged();
        return objects;
    }

    /// <summary>The object for one file under landing/ (its ETag computed when the file changed since it was last seen).</summary>
    public static RawObject Describe(LocalHome home, string path)
    {
        ArgumentNullException.ThrowIfNull(home);
        var etags = ObjectETags.Load(home);
        var raw = Describe(home, path, etags);
        etags.SaveIfChanged();
        return raw;
    }

    /// <summary>
    /// The etag this project gave an object before it used S3's (a hash of the file's size and last-write
    /// time): a bookmark or trigger record holding it for an unchanged file is carried over, so upgrading does
    /// not read every object again.
    /// </summary>
    public static string LegacyETagOf(RawObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{raw.Size}:{File.GetLastWriteTimeUtc(raw.Path).Ticks}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..32];
    }

    private static RawObject Describe(LocalHome home, string path, ObjectETags etags)
    {
        var info = new FileInfo(path);
        var key = home.KeyOf(path);
        return new RawObject(key, etags.Of(key, info), info.Length, info.FullName);
    }
}
