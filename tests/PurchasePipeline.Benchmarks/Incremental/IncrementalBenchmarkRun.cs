using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Benchmarks.Reporting;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>
/// Benchmark (d) on its own: `dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- incremental [--quick]`.
/// Writes results/incremental.md (full) or results/incremental-quick.md (not committed).
/// </summary>
internal static class IncrementalBenchmarkRun
{
    public static async Task<int> MainAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Any(a => a != "--quick"))
        {
            await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- incremental [--quick]");
            return 2;
        }

        var scale = args.Contains("--quick") ? BenchmarkScale.Quick : BenchmarkScale.Full;
        using var workspace = BenchmarkWorkspace.Create("incremental-" + scale.Name);
        using var load = new LoadLog(TimeProvider.System);
        load.Enter("generate");
        var input = await BenchmarkWorkspace.GenerateAsync(workspace.IncrementalSource, scale.IncrementalFiles, scale.IncrementalRows, cancellationToken);
        var series = new IncrementalSeries(workspace.IncrementalSource, input);
        load.Enter("(d) incremental");
        Console.WriteLine($"// purchase-pipeline benchmark: (d) incremental: warm-up of 3 executions, then {scale.IncrementalSeries} series of {series.Length}");
        series.Run(workspace.IncrementalHome, runs: Math.Min(3, series.Length));
        var measured = new List<IReadOnlyList<ExecutionSample>>();
        for (var i = 1; i <= scale.IncrementalSeries; i++)
        {
            measured.Add(series.Run(workspace.IncrementalHome));
        }

        load.Enter("report");
        var result = new IncrementalResult(measured);
        var text = new StringBuilder();
        ReportText.AppendHeader(
            text,
            "Incremental executions: the 100th file against the first",
            string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC."),
            load.Describe());
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("| --- | --- | --- |");
        text.AppendLine(IncrementalReport.TargetRow(result));
        text.AppendLine();
        IncrementalReport.Append(text, result, scale.IncrementalRows);
        var markdown = text.ToString();
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine("written to " + ResultsFile.Write(scale == BenchmarkScale.Full ? "incremental.md" : "incremental-quick.md", markdown));
        return 0;
    }
}
