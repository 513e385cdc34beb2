using System.Globalization;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// Raw objects another tool is still writing in place (a `cp`, an editor, a script appending rows) rather than
/// through a hidden temp name renamed into place as this project's writers do. S3 never shows a partial object; a
/// folder does, so the job and the watcher leave such an object for later instead of reading half of it.
/// A file counts as being written while any process holds it open for writing: on Linux, a descriptor in
/// /proc/PID/fd whose /proc/PID/fdinfo flags have write access (what fuser and lsof read; proc(5)); processes of
/// other users cannot be seen, so a writer there is not detected. On Windows, a file a writer holds cannot be
/// opened with FileShare.Read. Elsewhere (or without /proc) nothing is detected, and only <see cref="Changed"/> applies.
/// </summary>
public static class ObjectsBeingWritten
{
    /// <summary>O_ACCMODE and its write modes, O_WRONLY and O_RDWR (Linux, asm-generic/fcntl.h).</summary>
    private const int AccessMode = 3;

    /// <summary>The objects of <paramref name="objects"/> that some process holds open for writing.</summary>
    public static IReadOnlySet<string> Among(IEnumerable<RawObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var paths = objects.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return paths;
        }

        if (OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd"))
        {
            return OpenForWritingOnLinux(paths);
        }

        return OperatingSystem.IsWindows()
            ? paths.Where(HeldByAWriterOnWindows).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Whether the file no longer has the size it was listed with, or changed since <paramref name="stamp"/> (size and last write).</summary>
    public static bool Changed(RawObject raw, (long Size, DateTime LastWrite) stamp)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Size != stamp.Size || Stamp(raw) != stamp;
    }

    /// <summary>The file's size and last-write time now.</summary>
    public static (long Size, DateTime LastWrite) Stamp(RawObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var info = new FileInfo(raw.Path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    private static HashSet<string> OpenForWritingOnLinux(HashSet<string> paths)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                foreach (var descriptor in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(descriptor).LinkTarget is { } target && paths.Contains(target) && !found.Contains(target)
                        && OpenForWriting(Path.Combine(process, "fdinfo", Path.GetFileName(descriptor))))
                    {
                        found.Add(target);
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that ended while we looked: nothing to learn from it.
            }
        }

        return found;
    }

    /// <remarks>fdinfo's "flags:" line is the open flags in octal (proc(5)).</remarks>
    private static bool OpenForWriting(string fdinfo)
    {
        var flags = File.ReadLines(fdinfo).FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
        return flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & AccessMode) != 0;
    }

    private static bool HeldByAWriterOnWindows(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
