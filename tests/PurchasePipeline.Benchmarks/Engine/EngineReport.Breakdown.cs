using System.Text;
using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>Where a local run's time goes, and how everything was measured.</summary>
internal sealed partial record EngineReport
{
    /// <summary>
    /// The engine's median share of local runs, GC pauses that fell into it excluded (the handlers allocate
    /// most of the memory that triggers them): per run and per transition, in nanoseconds.
    /// </summary>
    private static (double PerRun, double PerTransition) EngineOfBreakdown(IReadOnlyList<LocalRunSample> samples)
    {
        var perRun = Statistics.Median(samples.Select(s => s.EngineWithoutGcPauses)).Ticks * 100.0;
        return (perRun, perRun / samples[0].Transitions);
    }

    private void AppendBreakdown(StringBuilder text)
    {
        Line(text, $"## Where a local run's time goes (stopwatch, median of {Breakdown.Count} runs of each)");
        text.AppendLine();
        text.AppendLine("| run | transitions | total | task handlers | executions database | engine (the rest) | GC pauses within the engine's rest | engine / transition, GC pauses excluded |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        BreakdownRow(text, "dataset configured (the refresh renders the dashboard)", Breakdown);
        BreakdownRow(text, "no dataset configured (ends after validation)", BreakdownNoDataset);
        BreakdownRow(text, "the process's first execution, dataset configured (one run: JIT included)", [FirstRun]);
        text.AppendLine();
        var first = FirstRun.EngineWithoutGcPauses.Ticks * 100.0;
        Line(text, $"The first execution in a process pays the JIT of the engine's code: its engine share is {EngineFigures.Time(first)} ({EngineFigures.Microseconds(first / FirstRun.Transitions)} per transition), which a one-file `purchase-pipeline run` pays once; later executions in the same process (`demo`, `watch`, several files) pay the figures above. Warm, the engine's share per transition in a local run is still several times (b)'s hot-loop figure: its code runs between handler calls that evict the CPU caches, and on a loaded machine its thread also waits for a core.");
        text.AppendLine();

        text.AppendLine("Task handler time per Task state, dataset configured:").AppendLine();
        text.AppendLine("| state | median |");
        text.AppendLine("| --- | ---: |");
        foreach (var state in Breakdown[0].ByState.Keys)
        {
            Line(text, $"| {state} | {EngineFigures.Time(Statistics.Median(Breakdown.Select(s => s.ByState[state])))} |");
        }

        text.AppendLine();
        var local = LocalRun.NanosecondsPerRun;
        Line(text, $"BenchmarkDotNet medians: (b) the engine alone on the happy path takes {EngineFigures.Time(PureEngine.NanosecondsPerRun)} per run, {EngineFigures.Percent(PureEngine.NanosecondsPerRun / local)} of (c)'s {EngineFigures.Time(local)}; the rest of (c) is the handlers' and the executions database's.");
        text.AppendLine();
    }

    private static void BreakdownRow(StringBuilder text, string name, IReadOnlyList<LocalRunSample> samples)
    {
        var total = Statistics.Median(samples.Select(s => s.Total));
        var handlers = Statistics.Median(samples.Select(s => s.Handlers));
        var history = Statistics.Median(samples.Select(s => s.History));
        var rest = Statistics.Median(samples.Select(s => s.Engine));
        var pauses = Statistics.Median(samples.Select(s => s.EngineGcPauses));
        var engine = EngineOfBreakdown(samples);
        var events = samples[0].HistoryEvents;
        Line(text, $"| {name} | {samples[0].Transitions} | {EngineFigures.Time(total)} | {EngineFigures.Time(handlers)} ({EngineFigures.Percent(handlers / total)}) | {EngineFigures.Time(history)} ({EngineFigures.Percent(history / total)}; {events} events) | {EngineFigures.Time(rest)} ({EngineFigures.Percent(rest / total)}) | {EngineFigures.Time(pauses)} | {EngineFigures.Microseconds(engine.PerTransition)} |");
    }

    private void AppendNotes(StringBuilder text)
    {
        text.AppendLine("## How it is measured").AppendLine();
        text.AppendLine("- (a), the baseline and (b) run under BenchmarkDotNet in-process, its pilot choosing how many executions fill an iteration; each case's OperationsPerInvoke is the state transitions of its run (read from ExecutionResult before measuring), so the summary's Mean/Median and Allocated are per transition. Per-run figures are those times the transitions.");
        Line(text, $"- Every engine case runs `new ExecutionEngine(TimeProvider.System, new EngineOptions {{ WaitScale = 0 }}).RunAsync(...)`: Waits are instant, but the definition's TimeoutSeconds (execution and each Task) still arm and cancel real timers. No listener unless stated, so no payload is copied for history.");
        Line(text, $"- (a) is a Pass adding 1 with States.MathAdd and a Choice looping until {EngineWorkloads.LoopLimit} (2 x {EngineWorkloads.LoopLimit} + 1 transitions). The baseline is a chain of field-less Pass states as long as the happy path, run on the same Object Created event.");
        text.AppendLine("- (b) is statemachine/purchase-pipeline.asl.json with the local plane's substitutions (PipelineHost's), on tests/PurchasePipeline.EndToEnd.Tests/Fixtures/object-created.event.json, its tasks answered by the mock config of the same folder (HappyPath, or NoDatasetConfigured with QuickSightDatasetId empty). A new mock invoker per execution (the mock config counts invocations per execution) is part of each run.");
        Line(text, $"- (c) is `PipelineHost.RunForObjectAsync` on one generated file of {Scale.LocalRunRows:#,0} rows (seed {BenchmarkScale.Seed}, with the user dimension), as `purchase-pipeline run` does: the object's event, the engine, the task functions on the local adapters (crawler, DuckDB job, validation queries, dashboard refresh), the executions database. BenchmarkDotNet's Monitoring strategy, one run per iteration after one warm-up, each iteration's setup deleting lake/ and bookmarks/ so every run processes the file. Its allocation is managed memory only.");
        text.AppendLine("- The breakdown repeats what PipelineHost.StartExecutionAsync does, with a stopwatch around every task call and every call into the executions database (the execution's row, each history event, the outcome, the final read); the engine's share is the rest, which includes the payload copies it makes for the listener. GC.GetTotalPauseDuration() is read around the same calls: a GC pause stops the process wherever the allocation that triggers it happens, so pauses that fall into the engine's share are shown apart and left out of its per-transition figure (the handlers and the database driver allocate most of a run's memory). On a loaded machine the rest also holds any time the engine's thread waited for a core.");
        text.AppendLine();
    }
}
