using System.Globalization;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Cli.Control;

/// <summary>Puts files into landing/ the way an upload to the bucket would: whole, under a raw/yyyy/MM/dd/ key, with its ETag.</summary>
internal static class Landing
{
    /// <summary>
    /// Copies a file to its key (the path's own raw/yyyy/MM/dd/… tail when it has one, otherwise raw/ +
    /// today's date + the file name) through a temp file renamed into place, and records its ETag. An object
    /// already at the key with other content is kept under landing/.versions/, as the versioned bucket keeps it
    /// (<see cref="ObjectVersions"/>); the result's notice says so. <paramref name="copy"/> replaces File.Copy
    /// (tests make it fail as a full disk does).
    /// </summary>
    /// <exception cref="LandingException">The name is one the pipeline never reads, or the copy failed (the temp file is removed, the key keeps its old object).</exception>
    public static ObjectPut Land(LocalHome home, string file, DateTimeOffset now, Action<string, string>? copy = null)
    {
        var key = KeyFor(file, now);
        if (ObjectNames.WhyIgnored(Path.GetFileName(key)) is { } why)
        {
            throw new LandingException($"{file}: not landed: {why}");
        }

        var target = home.PathOf(key);
        var temp = target + ".tmp";
        var previousWrite = File.Exists(target) ? File.GetLastWriteTimeUtc(target) : default;
        ObjectPut put;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            (copy ?? CopyFile)(file, temp);
            // Written now, as S3 stamps an upload: the object's event time (LandingWatcher.EventFor) is its write time.
            File.SetLastWriteTimeUtc(temp, now.UtcDateTime);
            put = ObjectVersions.Put(home.Landing, key, temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new LandingException($"{file}: not landed as {key}: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        if (put.EarlierETag == put.ETag)
        {
            // The same content again is the same object to the bookmark, which a run may have read already: it keeps
            // its write time, so its event is not dated after that run (GetJobRuns leaves out runs that ended before).
            File.SetLastWriteTimeUtc(target, previousWrite);
        }

        ObjectETags.Land(home, key, target);
        return put;
    }

    /// <summary>The object key a file lands under.</summary>
    public static string KeyFor(string file, DateTimeOffset now)
    {
        var path = Path.GetFullPath(file).Replace('\\', '/');
        var marker = path.LastIndexOf("/" + LakePrefixes.Raw, StringComparison.Ordinal);
        if (marker >= 0)
        {
            return path[(marker + 1)..];
        }

        return LakePrefixes.Raw + now.UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "/" + Path.GetFileName(path);
    }

    private static void CopyFile(string source, string target) => File.Copy(source, target, overwrite: true);

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The landing error is the one to report; a temp file that cannot be removed is named .tmp and never read.
        }
    }
}

/// <summary>A file could not be landed; the message is one line naming the file and the reason.</summary>
internal sealed class LandingException(string message, Exception? inner = null) : Exception(message, inner);
