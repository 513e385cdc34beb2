using System.Diagnostics;

namespace PurchasePipeline.Benchmarks.Measuring;

/// <summary>
/// The process's peak resident set (Linux VmHWM), which covers DuckDB's native memory as well as the
/// managed heap. Linux lets a process reset its own peak through /proc/self/clear_refs, so a peak can
/// be taken per measured run; where that fails the peak is not reported.
/// </summary>
internal static class PeakResidentSet
{
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Resets the peak to the current resident set; false where the OS does not allow it.</summary>
    public static bool TryReset()
    {
        if (!File.Exists(ClearRefs))
        {
            return false;
        }

        try
        {
            // "5" resets the peak RSS (VmHWM) to the current RSS (proc(5), since Linux 4.0).
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
