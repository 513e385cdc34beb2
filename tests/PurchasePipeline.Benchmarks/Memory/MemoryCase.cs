using PurchasePipeline.Functions;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PurchasePipeline.Benchmarks.Throughput;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks.Memory;

/// <summary>
/// The cases of the memory benchmark, each run in a child process of its own so its peak resident set is its own:
/// (a) the pipeline's job, (b) the plain DuckDB script of the same transform given the same memory limit, and
/// (c) the pandas script. The child prints one JSON line (<see cref="MemorySample"/>).
/// </summary>
internal static class MemoryCase
{
    public const string ChildCommand = "memory-child";
    public const string Job = "job";
    public const string PlainDuckDb = "duckdb";

    /// <summary>In the child: runs <paramref name="name"/> over <paramref name="home"/>, writing to <paramref name="output"/>.</summary>
    public static int RunChild(string name, string home, string output, string memoryLimit)
    {
        var clock = Stopwatch.StartNew();
        var input = new LocalHome(home);
        MemorySample sample;
        if (name == Job)
        {
            var manifest = new LocalEtlJob(input, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { MemoryLimit = memoryLimit });
            sample = Measured(name, clock, manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected);
        }
        else if (name == PlainDuckDb)
        {
            var spill = Path.Combine(output, "_spill");
            RawDuckDbBaseline.Run(input, output, new DuckMemory(memoryLimit, spill));
            Directory.Delete(spill, recursive: true);
            var elapsed = clock.Elapsed;
            var (clean, rejected) = RawDuckDbBaseline.CountOutput(output);
            sample = Measured(name, clock, rowsIn: -1, clean, rejected) with { WallSeconds = elapsed.TotalSeconds };
        }
        else
        {
            throw new ArgumentException($"unknown memory case {name}", nameof(name));
        }

        Console.WriteLine(JsonSerializer.Serialize(sample));
        return 0;
    }

    /// <summary>In the parent: runs one case in a child process and reads its sample.</summary>
    /// <exception cref="InvalidOperationException">The child failed; the message holds its stderr.</exception>
    public static MemorySample Run(string name, string home, string output, string memoryLimit)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryCase).Assembly.Location);
        }

        foreach (var argument in new[] { ChildCommand, name, home, output, memoryLimit })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var lastLine = stdout.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return process.ExitCode == 0 && lastLine is not null
            ? JsonSerializer.Deserialize<MemorySample>(lastLine) ?? throw new InvalidOperationException($"{name}: no sample in {lastLine}")
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{name} exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult().Trim()}"));
    }

    /// <summary>(c) in its own process already: the script reports its own peak and CPU time.</summary>
    public static MemorySample Pandas(string landing, string output)
    {
        var run = PandasBaseline.Run(landing, output);
        return new MemorySample("pandas", run.RowsIn, run.Elapsed.TotalSeconds, run.CpuTime.TotalSeconds, run.PeakWorkingSet, run.RowsClean, run.RowsRejected);
    }

    private static MemorySample Measured(string name, Stopwatch clock, long rowsIn, long clean, long rejected)
    {
        using var self = Process.GetCurrentProcess();
        return new MemorySample(name, rowsIn, clock.Elapsed.TotalSeconds, self.TotalProcessorTime.TotalSeconds, PeakResidentSet(), clean, rejected);
    }

    /// <summary>VmHWM of /proc/self/status: the peak resident set of this process since it started.</summary>
    private static long PeakResidentSet()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
