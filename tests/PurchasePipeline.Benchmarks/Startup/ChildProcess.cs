using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PurchasePipeline.Benchmarks.Startup;

/// <summary>Runs a command to its end and measures it as the user waits for it: wall time from start to exit, and its CPU time.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; fails with its output when it exits non-zero.</summary>
    /// <remarks>CPU time is what the kernel charges to waited-for children (getrusage RUSAGE_CHILDREN) across the run: this
    /// process runs one child at a time, so the difference is this one's (with its own children that it waited for).</remarks>
    public static async Task<Timing> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        clock.Stop();
        var cpu = ChildrenCpu() - cpuBefore;
        return process.ExitCode == 0
            ? new Timing(clock.Elapsed, cpu, await output.ConfigureAwait(false))
            : throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
    }

    /// <summary>User plus system CPU time of the waited-for children of this process so far.</summary>
    private static TimeSpan ChildrenCpu()
    {
        const int RusageChildren = -1;
        return GetResourceUsage(RusageChildren, out var usage) == 0
            ? TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000) + usage.SystemMicroseconds)
            : throw new InvalidOperationException("getrusage(RUSAGE_CHILDREN) failed");
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this benchmark does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private Rest rest;
    }

    [System.Runtime.CompilerServices.InlineArray(14)]
    private struct Rest
    {
        private long first;
    }
}

/// <summary>How long a command took (start to exit), its CPU time, and what it printed.</summary>
internal sealed record Timing(TimeSpan Elapsed, TimeSpan CpuTime, string Output);
