using PurchasePipeline.Core.Lake;

namespace PurchasePipeline.Generator.Sinks;

/// <summary>
/// Writes objects as files below a root folder: first to a hidden temporary file in the target folder,
/// then renamed over the final name, which is atomic on one volume. An object written over with other content
/// is kept under .versions/, as a versioned bucket keeps it (<see cref="ObjectVersions"/>), and
/// <paramref name="notice"/> hears one line for each object that was already there.
/// </summary>
internal sealed class FolderSink(string root, Action<string>? notice = null) : IObjectSink
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            if (ObjectVersions.Put(Root, key, temporary).NoticeIn(Root) is { } line)
            {
                notice?.Invoke(line);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file a key maps to; keys that would leave the root are refused.</summary>
    public string PathOf(string key)
    {
        var segments = key.Split('/');
        if (Path.IsPathRooted(key) || key.Contains('\\', StringComparison.Ordinal)
            || segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new ArgumentException($"Object key '{key}' is not a relative '/'-separated path.", nameof(key));
        }

        return Path.Combine([Root, .. segments]);
    }
}
