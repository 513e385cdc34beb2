using System.Diagnostics;
using System.Globalization;

namespace PurchasePipeline.Benchmarks.Memory;

/// <summary>
/// The child's progress on stderr, one line per stage of the job with the process's CPU time so far, the resident set
/// now and the peak since the previous line: which phase grows with the batch, and what a phase costs on a loaded
/// machine, where its wall time says little. The peak is reset after each line (/proc/self/clear_refs), so
/// <see cref="Peak"/> keeps the largest phase's, which is the process's peak; where the reset is refused, VmHWM
/// simply keeps growing and <see cref="Peak"/> is still the process's peak.
/// </summary>
internal sealed class PhaseProgress(string name) : IProgress<string>
{
    /// <summary>The prefix of the lines the parent echoes as they come.</summary>
    public const string Prefix = "// memory: ";

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();

    /// <summary>The largest peak resident set of any phase so far, in bytes.</summary>
    public long Peak { get; private set; }

    public void Report(string value)
    {
        lock (gate)
        {
            var phasePeak = Measuring.PeakResidentSet.Read();
            using var self = Process.GetCurrentProcess();
            Peak = Math.Max(Peak, phasePeak);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}{name} +{clock.Elapsed.TotalSeconds:0.0} s, CPU {self.TotalProcessorTime.TotalSeconds:0.0} s, RSS {Environment.WorkingSet / 1e6:0} MB, phase peak {phasePeak / 1e6:0} MB: {value}"));
            Measuring.PeakResidentSet.TryReset();
        }
    }
}
