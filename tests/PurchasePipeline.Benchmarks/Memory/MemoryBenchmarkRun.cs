using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using PurchasePipeline.Benchmarks.Engine;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Benchmarks.Throughput;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Benchmarks.Memory;

/// <summary>
/// The memory benchmark: peak RSS, wall and CPU time against batch size for (a) the job, (b) the plain DuckDB
/// script given the same memory limit, and (c) pandas where it fits in memory, side by side, each batch's counts
/// checked against each other. A batch of N files is one job run over N landed files of the same generated data.
/// Writes results/memory.md and results/memory.json after every batch size (a run cut short keeps what it
/// measured) and draws results/memory.png with plot_memory.py.
/// </summary>
internal static class MemoryBenchmarkRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const string Usage = "usage: dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- memory [--data DIR] [--sizes 1,5,10,20] [--rows-per-file N] [--pandas-max FILES] [--keep] [--quick]";

    public static async Task<int> MainAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        // A folder of this run's own: a memory run deletes its folder when it starts and ends, and another run (a
        // --quick one of another checkout) sharing it once deleted a 20M-row run's spill files under it.
        var root = Path.Combine(Path.GetTempPath(), "purchase-pipeline-benchmarks", "memory-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        BenchmarkWorkspace.DeleteFolder(root);
        try
        {
            var data = options.Data ?? Path.Combine(root, "data");
            if (options.Data is null)
            {
                Console.WriteLine($"// memory: generating {options.Sizes.Max()} x {options.RowsPerFile} rows in {data}");
                await GeneratorRunner.RunAsync(
                    new GenerateOptions { Out = data, Files = options.Sizes.Max(), Rows = options.RowsPerFile, Seed = BenchmarkScale.Seed, IncludeUsers = true },
                    progress: null,
                    cancellationToken).ConfigureAwait(false);
            }

            var files = Directory.GetFiles(Path.Combine(data, "raw"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count < options.Sizes.Max())
            {
                throw new InvalidOperationException($"{data} holds {files.Count} raw files; --sizes asks for {options.Sizes.Max()}");
            }

            var pandas = PandasBaseline.PandasVersion();
            var samples = new List<(int Files, MemorySample Sample)>();
            foreach (var size in options.Sizes)
            {
                // Each batch has folders of its own: (b) counts the Parquet in its output folder, and a smaller batch
                // after a bigger one would leave the bigger one's partitions beyond its dates there.
                var batch = Path.Combine(root, "batch-" + size.ToString(CultureInfo.InvariantCulture));
                var home = Path.Combine(batch, "home");
                Land(data, files.Take(size).ToList(), new LocalHome(home));
                var cases = new List<MemorySample>
                {
                    Measure(() => MemoryCase.Run(MemoryCase.Job, home, Path.Combine(batch, "job-out"), options.MemoryLimit)),
                    Measure(() => MemoryCase.Run(MemoryCase.PlainDuckDb, home, Path.Combine(batch, "duckdb-out"), options.MemoryLimit)),
                };
                if (pandas is not null && size <= options.PandasMax)
                {
                    cases.Add(Measure(() => MemoryCase.Pandas(Path.Combine(home, "landing"), Path.Combine(batch, "pandas-out"))));
                }

                CheckCounts(size, cases);
                samples.AddRange(cases.Select(c => (size, c)));
                BenchmarkWorkspace.DeleteFolder(batch);
                Write(options, pandas, samples);
            }

            return 0;
        }
        finally
        {
            BenchmarkWorkspace.DeleteFolder(root);
        }
    }

    /// <summary>Runs a case (nothing else of the benchmark runs meanwhile), with the load average around it.</summary>
    private static MemorySample Measure(Func<MemorySample> run)
    {
        var before = SystemLoad.OneMinute();
        var sample = run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// memory: {sample.Case}: {sample.RowsIn} in, {sample.Clean} clean, {sample.Rejected} rejected, {sample.WallSeconds:0.0} s wall, {sample.CpuSeconds:0.0} s CPU, peak RSS {sample.PeakRssBytes / 1e6:0} MB"));
        return sample with { LoadBefore = before, LoadAfter = SystemLoad.OneMinute() };
    }

    /// <summary>The job's counts are the reference: the other cases must write the same clean and rejected rows.</summary>
    private static void CheckCounts(int size, List<MemorySample> cases)
    {
        var job = cases[0];
        foreach (var other in cases.Skip(1).Where(c => (c.Clean, c.Rejected) != (job.Clean, job.Rejected)))
        {
            throw new InvalidOperationException($"{size} file(s): {other.Case} wrote {other.Clean} clean and {other.Rejected} rejected rows, the job {job.Clean} and {job.Rejected}: the cases would not be doing the same work");
        }
    }

    /// <summary>
    /// Links to the data's first files (and the user dimension) under a home's landing/: no copy of gigabytes. Each
    /// object's ETag (the MD5 of its content) is computed here, untimed, as landing an object does and as S3 does on
    /// upload: the job only reads it (0.3 s per million rows when it had to hash the links itself).
    /// </summary>
    private static void Land(string data, IReadOnlyList<string> files, LocalHome home)
    {
        foreach (var file in files.Concat(Directory.GetFiles(Path.Combine(data, "reference"), "*.csv", SearchOption.AllDirectories)))
        {
            var target = Path.Combine(home.Landing, Path.GetRelativePath(data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.CreateSymbolicLink(target, file);
            _ = LandingZone.Describe(home, target);
        }
    }

    private static void Write(Options options, string? pandas, List<(int Files, MemorySample Sample)> samples)
    {
        using var connection = Duck.OpenInMemory();
        var duckDb = connection.Query("SELECT version()", r => r.GetString(0)).Single();
        var environment = string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, DuckDB {duckDb}, {(pandas is null ? "no pandas" : "pandas " + pandas)}; measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        var folder = options.Quick ? Path.Combine(Path.GetTempPath(), "purchase-pipeline-benchmarks", "memory-quick") : RepoFiles.Results;
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, "memory.json");
        var results = new MemoryResults(options.MemoryLimit, options.RowsPerFile, environment, [.. samples.Select(s => s.Sample)]);
        if (options.Keep && File.Exists(json))
        {
            results = KeptResults.Merge(JsonSerializer.Deserialize<MemoryResults>(File.ReadAllText(json))!, results, options.Sizes);
        }

        File.WriteAllText(json, JsonSerializer.Serialize(results, Indented));
        File.WriteAllText(Path.Combine(folder, "memory.md"), MemoryReport.Render(results, options.PandasMax));
        Plot(json, Path.Combine(folder, "memory.png"));
        Console.WriteLine("// memory: written to " + folder);
    }

    /// <summary>Draws the plot with matplotlib (apt: python3-matplotlib); says so and goes on without it.</summary>
    private static void Plot(string json, string png)
    {
        var start = new ProcessStartInfo(PandasBaseline.Interpreter) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Memory", "plot_memory.py"), json, png })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine("// memory: no plot: " + error.Trim().Split('\n')[^1]);
        }
    }

    private sealed record Options(string? Data, IReadOnlyList<int> Sizes, int RowsPerFile, int PandasMax, string MemoryLimit, bool Quick, bool Keep)
    {
        public static Options? Parse(string[] args)
        {
            var quick = args.Contains("--quick");
            var options = quick
                ? new Options(null, [1, 2], 20_000, 2, DuckMemory.ConfiguredLimit(Environment.GetEnvironmentVariable), true, args.Contains("--keep"))
                : new Options(null, [1, 5, 10, 20], 1_000_000, 1, DuckMemory.ConfiguredLimit(Environment.GetEnvironmentVariable), false, args.Contains("--keep"));
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] is "--quick" or "--keep")
                {
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    return null;
                }

                var value = args[++i];
                options = args[i - 1] switch
                {
                    "--data" => options with { Data = Path.GetFullPath(value) },
                    "--sizes" => options with { Sizes = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                    "--rows-per-file" => options with { RowsPerFile = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--pandas-max" => options with { PandasMax = int.Parse(value, CultureInfo.InvariantCulture) },
                    _ => null,
                };
                if (options is null)
                {
                    return null;
                }
            }

            return options;
        }
    }
}
