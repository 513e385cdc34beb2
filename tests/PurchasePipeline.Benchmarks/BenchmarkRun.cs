using PurchasePipeline.Functions;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PurchasePipeline.Benchmarks.Incremental;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Benchmarks.Reporting;
using PurchasePipeline.Benchmarks.Throughput;
using PurchasePipeline.Generator;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;

namespace PurchasePipeline.Benchmarks;

/// <summary>
/// One benchmark run: generates the input, checks that every case produces the same rows, then measures
/// (a) and (b) under BenchmarkDotNet, all three throughput cases in interleaved rounds, and (d) as series
/// of runs.
/// </summary>
internal sealed class BenchmarkRun(BenchmarkScale scale, BenchmarkWorkspace workspace, LoadLog load)
{
    public async Task<ComparisonReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        Phase("generate", $"{scale.ThroughputFiles} x {scale.ThroughputRows} rows and {scale.IncrementalFiles} x {scale.IncrementalRows} rows in {workspace.Root}");
        var throughputInput = await BenchmarkWorkspace.GenerateAsync(workspace.Throughput.Landing, scale.ThroughputFiles, scale.ThroughputRows, cancellationToken);
        var incrementalInput = await BenchmarkWorkspace.GenerateAsync(workspace.IncrementalSource, scale.IncrementalFiles, scale.IncrementalRows, cancellationToken);

        Phase("check", "(a) and (b) must write the rows the generator expects");
        var (clean, rejected) = CheckSameOutput(throughputInput);

        Phase("(a)+(b) BenchmarkDotNet", "(a) then (b), BenchmarkDotNet");
        var summary = RunBenchmarkDotNet();

        var pandasVersion = PandasBaseline.PandasVersion();
        var pandasRounds = pandasVersion is null ? 0 : Math.Min(scale.PandasRuns, scale.Rounds);
        Phase("rounds", $"{scale.Rounds} interleaved rounds of (a) and (b), {pandasRounds} of them with (c) {PandasBaseline.Script}");
        var rounds = InterleavedRounds.Measure(workspace, scale.Rounds, pandasRounds);

        var incremental = MeasureIncremental(incrementalInput);
        load.Enter("report");

        return new ComparisonReport
        {
            Scale = scale,
            Environment = DescribeEnvironment(pandasVersion),
            Load = load.Describe(),
            RowsIn = throughputInput.Rows,
            Ours = InProcessCase("(a) ours: LocalEtlJob.Run", rounds.Select(r => r.Ours).ToList(), summary, nameof(ThroughputBenchmarks.LocalJob), clean, rejected),
            RawDuckDb = InProcessCase("(b) raw DuckDB, same SQL", rounds.Select(r => r.RawDuckDb).ToList(), summary, nameof(ThroughputBenchmarks.RawDuckDb), clean, rejected),
            Pandas = pandasVersion is null || pandasRounds == 0 ? null : PandasCase(pandasVersion, [.. rounds.Select(r => r.Pandas).OfType<PandasRun>()]),
            PandasCaveat = PandasCaveat(rounds, throughputInput),
            OursOverRawDuckDb = InterleavedRounds.OursOverRawDuckDb(rounds),
            OursOverPandas = InterleavedRounds.OursOverPandas(rounds),
            BenchmarkDotNetMedians = (TimeOf(summary, nameof(ThroughputBenchmarks.LocalJob), median: true), TimeOf(summary, nameof(ThroughputBenchmarks.RawDuckDb), median: true)),
            BenchmarkDotNetMinimums = (TimeOf(summary, nameof(ThroughputBenchmarks.LocalJob), median: false), TimeOf(summary, nameof(ThroughputBenchmarks.RawDuckDb), median: false)),
            Incremental = incremental,
            BenchmarkDotNetSummary = ToMarkdown(summary),
        };
    }

    /// <summary>Runs (a) and (b) once each (also their warm-up) and fails unless both match the generator's counts.</summary>
    private (long Clean, long Rejected) CheckSameOutput(GenerationResult input)
    {
        workspace.ResetLocalJob();
        var manifest = new LocalEtlJob(workspace.Throughput, TimeProvider.System, new ValidationRuleFiles()).Run();
        Expect("(a)", input.Rows, manifest.RowsIn);
        Expect("(a)", input.ValidUnique, manifest.RowsClean);
        Expect("(a)", input.Rejected, manifest.RowsRejected);
        Expect("(a)", input.Duplicates, manifest.RowsDeduplicated);

        workspace.ResetRawDuckDb();
        RawDuckDbBaseline.Run(workspace.Throughput, workspace.RawDuckDbOutput);
        var (clean, rejected) = RawDuckDbBaseline.CountOutput(workspace.RawDuckDbOutput);
        Expect("(b)", input.ValidUnique, clean);
        Expect("(b)", input.Rejected, rejected);
        return (clean, rejected);
    }

    private Summary RunBenchmarkDotNet()
    {
        ThroughputBenchmarks.Workspace = workspace;
        try
        {
            var summary = BenchmarkRunner.Run<ThroughputBenchmarks>(ThroughputConfig.Create(scale, Path.Combine(workspace.Root, "BenchmarkDotNet.Artifacts")));
            return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success)
                ? throw new InvalidOperationException("BenchmarkDotNet did not complete; see its log above")
                : summary;
        }
        finally
        {
            ThroughputBenchmarks.Workspace = null;
        }
    }

    private static CaseResult PandasCase(string version, IReadOnlyList<PandasRun> runs) => new(
        $"(c) pandas {version}, CSV out, incl. interpreter start",
        Statistics.Median(runs.Select(r => r.Elapsed)),
        runs.Count,
        Statistics.Median(runs.Select(r => r.CpuTime)),
        AllocatedBytes: null,
        PeakWorkingSet: Statistics.Median(runs.Select(r => r.PeakWorkingSet)),
        runs[^1].RowsClean,
        runs[^1].RowsRejected);

    /// <summary>Says so when the pandas script's counts differ from the generator's (the same work was not done).</summary>
    private static string? PandasCaveat(IReadOnlyList<Round> rounds, GenerationResult input)
    {
        var run = rounds.Select(r => r.Pandas).OfType<PandasRun>().LastOrDefault();
        return run is null || (run.RowsIn == input.Rows && run.RowsClean == input.ValidUnique && run.RowsRejected == input.Rejected)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"its counts differ from the generator's: in {run.RowsIn} (expected {input.Rows}), clean {run.RowsClean} ({input.ValidUnique}), rejected {run.RowsRejected} ({input.Rejected}).");
    }

    private IncrementalResult MeasureIncremental(GenerationResult input)
    {
        var series = new IncrementalSeries(workspace.IncrementalSource, input);
        Phase("(d) incremental", $"warm-up series of 3 runs, then {scale.IncrementalSeries} series of {series.Length} landings");
        series.Run(workspace.IncrementalHome, runs: Math.Min(3, series.Length));
        var measured = new List<IReadOnlyList<ExecutionSample>>();
        for (var i = 1; i <= scale.IncrementalSeries; i++)
        {
            measured.Add(series.Run(workspace.IncrementalHome));
        }

        return new IncrementalResult(measured);
    }

    /// <summary>(a) or (b): wall time, CPU time and peak RSS from the rounds, managed allocation from BenchmarkDotNet.</summary>
    private static CaseResult InProcessCase(string name, List<RunSample> runs, Summary summary, string method, long clean, long rejected)
    {
        var report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        var peaks = runs.Select(s => s.PeakWorkingSet).OfType<long>().ToList();
        return new CaseResult(
            name,
            Statistics.Median(runs.Select(s => s.Elapsed)),
            runs.Count,
            Statistics.Median(runs.Select(s => s.CpuTime)),
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase),
            peaks.Count > 0 ? Statistics.Median(peaks) : null,
            clean,
            rejected);
    }

    /// <summary>BenchmarkDotNet's median or minimum time of a case.</summary>
    private static TimeSpan TimeOf(Summary summary, string method, bool median)
    {
        var report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        var statistics = report.ResultStatistics ?? throw new InvalidOperationException($"BenchmarkDotNet has no statistics for {method}");
        return TimeSpan.FromTicks((long)((median ? statistics.Median : statistics.Min) / 100));
    }

    private static string ToMarkdown(Summary summary)
    {
        var logger = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, logger);
        return logger.GetLog();
    }

    private static string DescribeEnvironment(string? pandasVersion)
    {
        using var connection = Duck.OpenInMemory();
        var duckDb = connection.Query("SELECT version()", r => r.GetString(0)).Single();
        var pandas = pandasVersion is null ? "pandas not available" : $"pandas {pandasVersion} ({PandasBaseline.Interpreter})";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, DuckDB {duckDb}, {pandas}; measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC.");
    }

    private static void Expect(string benchmarkCase, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"{benchmarkCase} wrote {actual} rows where the generator expects {expected}: the cases would not be doing the same work");
        }
    }

    private void Phase(string name, string message)
    {
        load.Enter(name);
        Console.WriteLine($"// purchase-pipeline benchmark: {name}: {message}");
    }
}
