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
        var progress = new PhaseProgress(name);
        MemorySample sample;
        if (name == Job)
        {
            var manifest = new LocalEtlJob(input, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { MemoryLimit = memoryLimit, Progress = progress });
            progress.Report("done");
            sample = Measured(name, clock, manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected, progress.Peak);
        }
        else if (name == PlainDuckDb)
        {
            RawDuckDbBaseline.Run(input, output, new DuckMemory(input, memoryLimit) { PreserveInsertionOrder = false });
            progress.Report("done");
            var elapsed = clock.Elapsed;
            var (clean, rejected) = RawDuckDbBaseline.CountOutput(output);
            sample = Measured(name, clock, rowsIn: -1, clean, rejected, progress.Peak) with { WallSeconds = elapsed.TotalSeconds };
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
        var stderr = EchoProgress(process.StandardError);
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

    /// <summary>Echoes the child's progress lines as they come (a 20M-row run takes long); returns the rest of its stderr.</summary>
    private static async Task<string> EchoProgress(StreamReader stderr)
    {
        var rest = new System.Text.StringBuilder();
        while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(PhaseProgress.Prefix, StringComparison.Ordinal))
            {
                Console.WriteLine(line);
            }
            else
            {
                rest.AppendLine(line);
            }
        }

        return rest.ToString();
    }

    /// <summary>The sample; the peak is the largest of the phases' peaks and of VmHWM now (the count after the last phase).</summary>
    private static MemorySample Measured(string name, Stopwatch clock, long rowsIn, long clean, long rejected, long phasesPeak)
    {
        using var self = Process.GetCurrentProcess();
        var peak = Math.Max(phasesPeak, Measuring.PeakResidentSet.Read());
        return new MemorySample(name, rowsIn, clock.Elapsed.TotalSeconds, self.TotalProcessorTime.TotalSeconds, peak, clean, rejected);
    }
}
