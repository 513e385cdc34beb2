using System.Globalization;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Cli.Control;

/// <summary>Puts files into landing/ the way an upload to the bucket would: whole, under a raw/yyyy/MM/dd/ key.</summary>
internal static class Landing
{
    /// <summary>
    /// Copies a file to its key: the path's own raw/yyyy/MM/dd/… tail when it has one, otherwise
    /// raw/ + today's date + the file name.
    /// </summary>
    public static string Land(LocalHome home, string file, DateTimeOffset now)
    {
        var key = KeyFor(file, now);
        var target = home.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".tmp";
        File.Copy(file, temp, overwrite: true);
        File.Move(temp, target, overwrite: true);
        return key;
    }

    /// <summary>The object key a file lands under.</summary>
    public static string KeyFor(string file, DateTimeOffset now)
    {
        var path = Path.GetFullPath(file).Replace('\\', '/');
        var marker = path.LastIndexOf("/raw/", StringComparison.Ordinal);
        if (marker >= 0)
        {
            return path[(marker + 1)..];
        }

        return "raw/" + now.UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "/" + Path.GetFileName(path);
    }
}
