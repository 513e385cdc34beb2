using System.Diagnostics;

namespace PurchasePipeline.Local.Executions;

/// <summary>
/// The process that runs an execution: its id and start time. The start time tells a live owner from a
/// later, unrelated process that was given the same id.
/// </summary>
public readonly record struct ExecutionOwner(int ProcessId, DateTimeOffset ProcessStartedAt)
{
    /// <summary>Start times read twice for one process differ by the clock-tick rounding of /proc, not by more.</summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    /// <summary>This process.</summary>
    public static ExecutionOwner Current { get; } = Of(Environment.ProcessId) ?? throw new InvalidOperationException("this process has no start time");

    /// <summary>The owner with this process id as it runs now, or null when no such process runs.</summary>
    public static ExecutionOwner? Of(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : new ExecutionOwner(processId, process.StartTime.ToUniversalTime());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Whether this process still runs (the same process: same id and start time).</summary>
    public bool IsAlive => ProcessId == Environment.ProcessId
        || (Of(ProcessId) is { } now && (now.ProcessStartedAt - ProcessStartedAt).Duration() <= StartTimeTolerance);

    public override string ToString() =>
        $"pid {ProcessId}, started {ProcessStartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";
}
