using System.Diagnostics;

namespace PurchasePipeline.Benchmarks.Measuring;

/// <summary>One timed run in this process.</summary>
/// <param name="Elapsed">Wall time.</param>
/// <param name="CpuTime">CPU time of the whole process (every thread, DuckDB's included) during the run.</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the run, on every thread.</param>
/// <param name="PeakWorkingSet">Peak RSS during the run, or null when it could not be reset before it.</param>
internal readonly record struct RunSample(TimeSpan Elapsed, TimeSpan CpuTime, long AllocatedBytes, long? PeakWorkingSet)
{
    /// <summary>Runs <paramref name="action"/> once and measures it.</summary>
    public static RunSample Of(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var peakReset = PeakResidentSet.TryReset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new RunSample(clock.Elapsed, cpu, allocated, peakReset ? PeakResidentSet.Read() : null);
    }
}
