using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Local.Etl;

/// <summary>One run of a job at a time, across processes: an exclusively opened lock file.</summary>
internal sealed class JobLock : IDisposable
{
    private readonly FileStream stream;

    private JobLock(FileStream stream) => this.stream = stream;

    /// <exception cref="ConcurrentRunsExceededException">Another process or run holds the lock.</exception>
    public static JobLock Acquire(string folder, string jobName)
    {
        Directory.CreateDirectory(folder);
        try
        {
            var stream = new FileStream(Path.Combine(folder, "." + jobName + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new JobLock(stream);
        }
        catch (IOException)
        {
            throw new ConcurrentRunsExceededException(jobName);
        }
    }

    public void Dispose() => stream.Dispose();
}
