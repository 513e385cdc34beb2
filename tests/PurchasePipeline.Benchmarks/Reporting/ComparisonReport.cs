using System.Text;
using PurchasePipeline.Benchmarks.Incremental;

namespace PurchasePipeline.Benchmarks.Reporting;

/// <summary>Everything one benchmark run measured, and the markdown it is reported as.</summary>
internal sealed record ComparisonReport
{
    /// <summary>Throughput target: ours against raw DuckDB on the same SQL.</summary>
    public const double RawDuckDbTarget = 0.9;

    /// <summary>Throughput target: ours against the pandas script.</summary>
    public const double PandasTarget = 10;


    public required BenchmarkScale Scale { get; init; }

    public required string Environment { get; init; }

    /// <summary>The machine's load average per phase, or null where it is not published.</summary>
    public string? Load { get; init; }

    /// <summary>Data rows of the throughput input, header lines not counted.</summary>
    public required long RowsIn { get; init; }

    public required CaseResult Ours { get; init; }

    public required CaseResult RawDuckDb { get; init; }

    /// <summary>Ours' throughput over raw DuckDB's: median of the per-round ratios.</summary>
    public required double OursOverRawDuckDb { get; init; }

    /// <summary>Ours' throughput over pandas': median of the per-round ratios, or null when pandas did not run.</summary>
    public double? OursOverPandas { get; init; }

    /// <summary>BenchmarkDotNet's median times of (a) and (b).</summary>
    public required (TimeSpan Ours, TimeSpan RawDuckDb) BenchmarkDotNetMedians { get; init; }

    /// <summary>BenchmarkDotNet's shortest times of (a) and (b): the runs least slowed by other work on the machine.</summary>
    public required (TimeSpan Ours, TimeSpan RawDuckDb) BenchmarkDotNetMinimums { get; init; }

    /// <summary>The pandas case, or null when /usr/bin/python3 has no pandas.</summary>
    public CaseResult? Pandas { get; init; }

    /// <summary>Why the pandas figures should be read with care (counts that differ), if anything.</summary>
    public string? PandasCaveat { get; init; }

    public required IncrementalResult Incremental { get; init; }

    /// <summary>BenchmarkDotNet's own summary table of (a) and (b), as GitHub markdown.</summary>
    public required string BenchmarkDotNetSummary { get; init; }

    /// <summary>Ours' throughput over raw DuckDB's from BenchmarkDotNet's medians (its Ratio column, inverted).</summary>
    public double BenchmarkDotNetOursOverRawDuckDb => BenchmarkDotNetMedians.RawDuckDb / BenchmarkDotNetMedians.Ours;

    public string Render()
    {
        var text = new StringBuilder();
        ReportText.AppendHeader(text, $"purchase-pipeline benchmark ({Scale.Name})", Environment, Load);

        text.AppendLine();
        Line(text, $"Input: {Scale.ThroughputFiles} generated CSV files x {Figures.Count(Scale.ThroughputRows)} rows = {Figures.Count(RowsIn)} rows (seed {BenchmarkScale.Seed}, 5% dirty rows), plus reference/users/users.csv; every case reads the same files.");
        text.AppendLine();
        AppendThroughput(text);
        AppendTargets(text);
        AppendIncremental(text);
        AppendNotes(text);
        text.AppendLine("## BenchmarkDotNet summary of (a) and (b)").AppendLine();
        text.AppendLine(BenchmarkDotNetSummary.Trim());
        return text.ToString();
    }

    /// <summary>Ours' throughput over another case's, per-round where the rounds give it.</summary>
    private double Versus(CaseResult other) =>
        other == Ours ? 1 : other == RawDuckDb ? OursOverRawDuckDb : OursOverPandas ?? Ours.RowsPerSecond(RowsIn) / other.RowsPerSecond(RowsIn);

    private void AppendThroughput(StringBuilder text)
    {
        text.AppendLine("## Throughput").AppendLine();
        text.AppendLine("| case | runs | median time | rows/s | ours vs this (rows/s, per round) | CPU time / run | managed alloc / run | peak RSS | clean / rejected rows |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in new[] { Ours, RawDuckDb, Pandas }.OfType<CaseResult>())
        {
            Line(text, $"| {result.Name} | {result.Runs} | {Figures.Duration(result.Median)} | {Figures.Count(result.RowsPerSecond(RowsIn))} | {Figures.Ratio(Versus(result))} | {Figures.Duration(result.CpuTime)} | {Figures.Bytes(result.AllocatedBytes)} | {Figures.Bytes(result.PeakWorkingSet)} | {Figures.Count(result.RowsClean)} / {Figures.Count(result.RowsRejected)} |");
        }

        text.AppendLine();
    }

    private void AppendTargets(StringBuilder text)
    {
        text.AppendLine("## Targets").AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("| --- | --- | --- |");
        var cpuRatio = RawDuckDb.CpuTime / Ours.CpuTime;
        Line(text, $"| (a) >= {RawDuckDbTarget:0.0}x the rows/s of (b) raw DuckDB | {Figures.Ratio(OursOverRawDuckDb)} (median of {Ours.Runs} rounds); BenchmarkDotNet medians {Figures.Ratio(BenchmarkDotNetOursOverRawDuckDb)} ({Figures.Duration(BenchmarkDotNetMedians.Ours)} vs {Figures.Duration(BenchmarkDotNetMedians.RawDuckDb)}), minimums {Figures.Ratio(BenchmarkDotNetMinimums.RawDuckDb / BenchmarkDotNetMinimums.Ours)} ({Figures.Duration(BenchmarkDotNetMinimums.Ours)} vs {Figures.Duration(BenchmarkDotNetMinimums.RawDuckDb)}); rows per CPU-second {Figures.Ratio(cpuRatio)} | {Figures.Met(OursOverRawDuckDb >= RawDuckDbTarget)} |");
        if (Pandas is not null && OursOverPandas is { } pandas)
        {
            var cpu = Pandas.CpuTime / Ours.CpuTime;
            Line(text, $"| (a) >= {PandasTarget:0}x the rows/s of (c) pandas | {Figures.Ratio(pandas)} (median of {Pandas.Runs} rounds); rows per CPU-second {Figures.Ratio(cpu)} | {Figures.Met(pandas >= PandasTarget)} |");
        }
        else
        {
            Line(text, $"| (a) >= {PandasTarget:0}x the rows/s of (c) pandas | not run: /usr/bin/python3 has no pandas (apt-get install python3-pandas) | n/a |");
        }

        text.AppendLine(IncrementalReport.TargetRow(Incremental));
        text.AppendLine();
    }

    private void AppendIncremental(StringBuilder text) => IncrementalReport.Append(text, Incremental, Scale.IncrementalRows);

    private void AppendNotes(StringBuilder text)
    {
        text.AppendLine("## How it is measured").AppendLine();
        Line(text, $"- Throughput table and targets: {Scale.Rounds} interleaved rounds on the same files, each running (a) and (b) once ({Scale.PandasRuns} of them (c) as well), the order rotating. Runs of one round see about the same background load, so a ratio is the median of per-round ratios. CPU time is the process's TotalProcessorTime (DuckDB's threads included) or, for (c), getrusage; peak RSS is VmHWM, reset through /proc/self/clear_refs before each in-process run (DuckDB's native memory shows only there).");
        text.AppendLine("- (a) and (b) also run under BenchmarkDotNet first (in-process toolchain, Monitoring strategy: 1 warm-up, then one full run per iteration, each iteration's setup emptying that case's output so every run processes all files): its summary is below, and its MemoryDiagnoser gives the managed allocation column.");
        text.AppendLine("- (a) is `new LocalEtlJob(new LocalHome(dir), TimeProvider.System).Run()`: job lock, recovery, bookmark, each raw object typed into a table as it is read, glue/sql, Parquet to staging, manifest, audit, commit.");
        text.AppendLine("- (b) is the job's own read of the raw objects (same read_csv options, each object typed into a table as it is read), the same glue/sql files and the same COPY ... TO Parquet, nothing else; it materialises the same tables as the job (typed, clean, touched), as the fastest plain use of DuckDB does.");
        text.AppendLine("- (c) is baseline/clean_purchases_pandas.py run as a child process by /usr/bin/python3; its time is the whole process, interpreter start and `import pandas` included. No pyarrow here, so it writes CSV, not Parquet. CPU time and peak RSS are the script's own getrusage figures.");
        text.AppendLine("- (d) starts from an empty home and runs `purchase-pipeline run FILE` for file n, n = 1..N, as a user runs it (a new process each time, start-up included): crawler, job, validation, dashboard. After a warm-up of 3 executions, the series is repeated; the first 10 executions of every series are compared with the last 10 (medians). Execution 1 finds an empty lake; execution N a lake of N-1 runs.");
        if (PandasCaveat is not null)
        {
            Line(text, $"- Caveat on (c): {PandasCaveat}");
        }

        text.AppendLine();
    }

    private static void Line(StringBuilder text, FormattableString line) => ReportText.Line(text, line);
}
