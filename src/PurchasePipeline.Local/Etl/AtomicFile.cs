using System.Text;

namespace PurchasePipeline.Local.Etl;

/// <summary>Whole-file writes that readers see either before or after, never in between.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes to a temp file beside the target, flushes it to disk, then renames it over the target.</summary>
    public static void WriteAllText(string path, string contents) =>
        WriteAllTextAsync(path, contents, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Writes to a temp file beside the target, flushes it to disk, then renames it over the target. On
    /// failure or cancellation the target is as it was and no temp file is left behind.
    /// </summary>
    public static async Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp";
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Utf8.GetBytes(contents), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            // After the move there is nothing to delete; after a failure, no debris is left.
            File.Delete(temp);
        }
    }
}
