namespace PurchasePipeline.Local.Etl;

/// <summary>
/// A lock across processes: a lock file opened exclusively (flock on Unix, a sharing mode on Windows). The
/// operating system releases it when its process ends, however it ends, so a killed holder never leaves it held.
/// </summary>
internal static class FileLock
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>The held lock, or null when another holder (of any process) has it.</summary>
    public static FileStream? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>
    /// The held lock, waiting up to <paramref name="patience"/> of real time for another holder to release it
    /// (the holder works in real time, whatever clock the caller's waits are scaled by); null when it did not.
    /// </summary>
    public static FileStream? Acquire(string path, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)patience.TotalMilliseconds;
        while (true)
        {
            if (TryAcquire(path) is { } held)
            {
                return held;
            }

            if (Environment.TickCount64 >= deadline)
            {
                return null;
            }

            cancellationToken.WaitHandle.WaitOne(Pause);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
