using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Local.Etl;

/// <summary>One run of a job at a time, across processes: an exclusively opened lock file (<see cref="FileLock"/>).</summary>
internal sealed class JobLock : IDisposable
{
    private readonly FileStream stream;

    private JobLock(FileStream stream) => this.stream = stream;

    /// <summary>
    /// Takes the job, waiting up to <paramref name="patience"/> for a run that holds it to end (Glue queues a run
    /// behind a running one; a run here waits its turn the same way, within bounds).
    /// </summary>
    /// <exception cref="ConcurrentRunsExceededException">Another process or run still holds the lock.</exception>
    public static JobLock Acquire(string folder, string jobName, TimeSpan patience = default, CancellationToken cancellationToken = default) =>
        FileLock.Acquire(Path.Combine(folder, "." + jobName + ".lock"), patience, cancellationToken) is { } held
            ? new JobLock(held)
            : throw new ConcurrentRunsExceededException(jobName);

    public void Dispose() => stream.Dispose();
}
