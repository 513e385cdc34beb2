using System.Text;
using PurchasePipeline.Benchmarks.Reporting;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>The incremental section of a report: the target's line, the first and last windows per phase, a trend line.</summary>
internal static class IncrementalReport
{
    /// <summary>The target: the last executions cost at most this many times the first.</summary>
    public const double Target = 1.2;

    /// <summary>The target's row of a results table.</summary>
    public static string TargetRow(IncrementalResult result) =>
        FormattableString.Invariant($"| (d) executions {result.Runs - result.Window + 1}-{result.Runs} <= {Target:0.0}x executions 1-{result.Window} (medians, {result.Repetitions} series, `purchase-pipeline run FILE`, process start included) | wall {Figures.Ratio(result.Growth(IncrementalResult.Wall))} ({Figures.Duration(result.LastWindow(IncrementalResult.Wall))} vs {Figures.Duration(result.FirstWindow(IncrementalResult.Wall))}); CPU {Figures.Ratio(result.Growth(IncrementalResult.Cpu))} ({Figures.Duration(result.LastWindow(IncrementalResult.Cpu))} vs {Figures.Duration(result.FirstWindow(IncrementalResult.Cpu))}) | {Figures.Met(result.Growth(IncrementalResult.Cpu) <= Target)} (CPU) |");

    public static void Append(StringBuilder text, IncrementalResult result, int rowsPerFile)
    {
        ReportText.Line(text, $"## Incremental: {result.Runs} files of {Figures.Count(rowsPerFile)} rows, one `purchase-pipeline run FILE` process each");
        text.AppendLine();
        ReportText.Line(text, $"| figure | executions 1-{result.Window} | executions {result.Runs - result.Window + 1}-{result.Runs} | growth |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        Row(text, result, "wall time, whole process", IncrementalResult.Wall);
        Row(text, result, "CPU time, whole process", IncrementalResult.Cpu);
        foreach (var phase in CliExecution.PhaseNames)
        {
            Row(text, result, $"wall time: {phase}", IncrementalResult.Phase(phase));
        }

        text.AppendLine();
        var checkpoints = result.Checkpoints;
        ReportText.Line(text, $"| execution | {string.Join(" | ", checkpoints)} |");
        ReportText.Line(text, $"| --- | {string.Join(" | ", checkpoints.Select(_ => "---:"))} |");
        ReportText.Line(text, $"| median wall time | {string.Join(" | ", checkpoints.Select(r => Figures.Duration(result.MedianOf(r, IncrementalResult.Wall))))} |");
        ReportText.Line(text, $"| median CPU time | {string.Join(" | ", checkpoints.Select(r => Figures.Duration(result.MedianOf(r, IncrementalResult.Cpu))))} |");
        text.AppendLine();
        text.AppendLine("Phases come from the execution's JSON log (`--log-format json`): start-up is process launch to the execution's first event; crawler, job, validation and dashboard run from the state each begins at (StartCrawler, StartEtlJob, StartValidation, RefreshDataset) to the next; other is the rest (first states, recording the end, exit). CPU time is the child's, from this process's /proc/self/stat cutime + cstime.");
        text.AppendLine();
    }

    private static void Row(StringBuilder text, IncrementalResult result, string name, Func<ExecutionSample, TimeSpan> figure) =>
        ReportText.Line(text, $"| {name} | {Figures.Duration(result.FirstWindow(figure))} | {Figures.Duration(result.LastWindow(figure))} | {Figures.Ratio(result.Growth(figure))} |");
}
