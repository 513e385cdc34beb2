using System.Globalization;
using PurchasePipeline.Local.Executions;

namespace PurchasePipeline.Local.Duck;

/// <summary>
/// The spill folders of DuckDB databases under one root (HOME/tmp/duckdb): PID-START-N, N counting this process's
/// databases, so several processes on one home never share a folder. A folder is deleted when its database closes;
/// one a killed process left behind is deleted by the next process that opens a database there, which knows it by
/// its process id and start time (<see cref="ExecutionOwner"/>: ids are reused).
/// </summary>
internal sealed class SpillFolders(string root)
{
    private static long opened;

    /// <summary>A new folder's path (not created: DuckDB creates it on its first spill), after deleting the dead processes' folders.</summary>
    public string Next()
    {
        Directory.CreateDirectory(root);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (OwnerOf(Path.GetFileName(folder)) is not { IsAlive: true })
            {
                Delete(folder);
            }
        }

        var self = ExecutionOwner.Current;
        return Path.Combine(root, string.Create(
            CultureInfo.InvariantCulture, $"{self.ProcessId}-{self.ProcessStartedAt.ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref opened)}"));
    }

    /// <summary>Deletes a folder and what is in it; one another process is deleting at the same time is left to it.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>The process a folder's name names; null for a name not of this form (deleted: nothing else lives here).</summary>
    private static ExecutionOwner? OwnerOf(string name) =>
        name.Split('-') is [var pid, var started, _]
            && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            && long.TryParse(started, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? new ExecutionOwner(processId, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))
            : null;
}
