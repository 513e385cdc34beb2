using System.Text;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Benchmarks.Reporting;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>Everything one engine benchmark run measured, and the markdown it is reported as.</summary>
internal sealed partial record EngineReport
{
    /// <summary>The target: engine cost per state transition.</summary>
    public const double TransitionBudgetNanoseconds = 200_000;

    /// <summary>
    /// The transitions budget (src/README.md, "Why the tasks poll through Lambdas"): state transitions per successful
    /// run; 30 since the start-and-poll steps became redrivable units, as MockedExecutionTests holds the definition to.
    /// </summary>
    public const int TransitionsPerRunBudget = 30;

    public required EngineScale Scale { get; init; }

    public required string Environment { get; init; }

    /// <summary>The machine's load average per phase, or null where it is not published.</summary>
    public string? Load { get; init; }

    /// <summary>(a), the baseline, and the (b) cases, in the order of the table.</summary>
    public required IReadOnlyList<EngineCaseResult> EngineCases { get; init; }

    /// <summary>(b) on the happy path without a listener: the pure engine cost the target is judged on.</summary>
    public required EngineCaseResult PureEngine { get; init; }

    /// <summary>(b) without a dataset configured.</summary>
    public required EngineCaseResult PureEngineNoDataset { get; init; }

    /// <summary>(c) whole local runs through PipelineHost.</summary>
    public required EngineCaseResult LocalRun { get; init; }

    /// <summary>The stopwatch breakdown of the process's first execution (JIT included), dataset configured.</summary>
    public required LocalRunSample FirstRun { get; init; }

    /// <summary>Stopwatch breakdowns of local runs with the dataset configured.</summary>
    public required IReadOnlyList<LocalRunSample> Breakdown { get; init; }

    /// <summary>The same without a dataset configured (the run ends after validation).</summary>
    public required IReadOnlyList<LocalRunSample> BreakdownNoDataset { get; init; }

    /// <summary>BenchmarkDotNet's summaries, as GitHub markdown.</summary>
    public required string EngineSummary { get; init; }

    public required string LocalRunSummary { get; init; }

    public string Render()
    {
        var text = new StringBuilder();
        ReportText.AppendHeader(text, $"purchase-pipeline engine benchmark ({Scale.Name})", Environment, Load);

        text.AppendLine();
        Line(text, $"Targets (issue): engine cost <= {TransitionBudgetNanoseconds / 1_000_000:0.0} ms per state transition; <= {TransitionsPerRunBudget} state transitions per successful run.");
        text.AppendLine();
        AppendCases(text);
        AppendTargets(text);
        AppendBreakdown(text);
        AppendNotes(text);
        text.AppendLine("## BenchmarkDotNet summary of (a), the baseline and (b): every figure per state transition").AppendLine();
        text.AppendLine(EngineSummary.Trim()).AppendLine();
        text.AppendLine("## BenchmarkDotNet summary of (c): per run").AppendLine();
        text.AppendLine(LocalRunSummary.Trim());
        return text.ToString();
    }

    private void AppendCases(StringBuilder text)
    {
        text.AppendLine("## Cases").AppendLine();
        text.AppendLine("| case | transitions/run | µs/transition | allocated/transition | per-run time | target met |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var result in EngineCases)
        {
            var met = PerTransitionMet(result) && (!result.Pipeline || result.Transitions <= TransitionsPerRunBudget);
            var which = result.Pipeline ? "both targets" : "per transition";
            Line(text, $"| {result.Label} | {result.Transitions} | {EngineFigures.Microseconds(result.NanosecondsPerTransition)} | {EngineFigures.Bytes(result.BytesPerTransition)} | {EngineFigures.Time(result.NanosecondsPerRun)} | {Figures.Met(met)} ({which}) |");
        }

        // (c)'s time per transition is mostly the handlers': only its transitions are judged here, its engine share under Targets.
        Line(text, $"| {LocalRun.Label} | {LocalRun.Transitions} | {EngineFigures.Microseconds(LocalRun.NanosecondsPerTransition)} (whole run) | {EngineFigures.Bytes(LocalRun.BytesPerTransition)} (managed) | {EngineFigures.Time(LocalRun.NanosecondsPerRun)} | {Figures.Met(LocalRun.Transitions <= TransitionsPerRunBudget)} (transitions; its engine share under Targets) |");
        text.AppendLine();
    }

    private void AppendTargets(StringBuilder text)
    {
        text.AppendLine("## Targets").AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("| --- | --- | --- |");
        var worst = Math.Max(PureEngine.NanosecondsPerTransition, PureEngineNoDataset.NanosecondsPerTransition);
        Line(text, $"| engine cost <= 0.2 ms per state transition: (b) the pipeline on mock tasks, the pure engine cost the target is judged on | {EngineFigures.Microseconds(PureEngine.NanosecondsPerTransition)} with a dataset, {EngineFigures.Microseconds(PureEngineNoDataset.NanosecondsPerTransition)} without ({TransitionBudgetNanoseconds / worst:0}x under the budget) | {Figures.Met(worst <= TransitionBudgetNanoseconds)} |");
        var engine = EngineOfBreakdown(Breakdown);
        Line(text, $"| the same in (c) a real local run, warm process: the engine's share (stopwatch wall time at this machine's load, GC pauses excluded) | {EngineFigures.Microseconds(engine.PerTransition)} per transition ({EngineFigures.Time(engine.PerRun)} of a {EngineFigures.Time(Statistics.Median(Breakdown.Select(s => s.Total)))} run) | {Figures.Met(engine.PerTransition <= TransitionBudgetNanoseconds)} |");
        var noDataset = BreakdownNoDataset[0].Transitions;
        var most = new[] { PureEngine.Transitions, PureEngineNoDataset.Transitions, LocalRun.Transitions, noDataset }.Max();
        Line(text, $"| <= {TransitionsPerRunBudget} state transitions per successful run | {PureEngine.Transitions} with a dataset configured, {PureEngineNoDataset.Transitions} without (mock tasks); {LocalRun.Transitions} and {noDataset} with the real local handlers | {Figures.Met(most <= TransitionsPerRunBudget)} |");
        text.AppendLine();
    }

    private static bool PerTransitionMet(EngineCaseResult result) => result.NanosecondsPerTransition <= TransitionBudgetNanoseconds;

    private static void Line(StringBuilder text, FormattableString line) => ReportText.Line(text, line);
}
