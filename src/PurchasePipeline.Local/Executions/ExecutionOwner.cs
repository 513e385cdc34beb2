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
            return process.HasExited || IsZombie(processId) ? null : new ExecutionOwner(processId, process.StartTime.ToUniversalTime());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether this process still runs: a process with the same id and start time (ids are reused, in a
    /// container even by the next run of the CLI).
    /// </summary>
    public bool IsAlive => (ProcessId == Current.ProcessId ? Current : Of(ProcessId)) is { } now
        && (now.ProcessStartedAt - ProcessStartedAt).Duration() <= StartTimeTolerance;

    /// <summary>A killed process its parent has not reaped yet still has an id and a start time, but runs nothing (Linux: state Z in /proc/PID/stat).</summary>
    private static bool IsZombie(int processId)
    {
        var stat = Path.Combine("/proc", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat");
        try
        {
            var text = File.Exists(stat) ? File.ReadAllText(stat) : null;
            var end = text?.LastIndexOf(')') ?? -1;
            return end >= 0 && end + 2 < text!.Length && text[end + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public override string ToString() =>
        $"pid {ProcessId}, started {ProcessStartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";
}
