using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// `-- engine [--quick]`: the engine's cost per state transition and per run. Counts each case's
/// transitions, measures (a), the baseline and (b), then (c), under BenchmarkDotNet, then the stopwatch
/// breakdown of (c), and writes results/engine.md.
/// </summary>
internal sealed class EngineBenchmarkRun(EngineScale scale, LoadLog load)
{
    public const string Usage = "usage: dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- engine [--quick]";

    /// <summary>The entry; <paramref name="args"/> are those after "engine".</summary>
    public static async Task<int> MainAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Any(a => a != "--quick"))
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var scale = args.Contains("--quick") ? EngineScale.Quick : EngineScale.Full;
        using var load = new LoadLog(TimeProvider.System);
        var report = await new EngineBenchmarkRun(scale, load).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        var markdown = report.Render();
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine("written to " + EngineResultsFile.Write(scale, markdown));
        return 0;
    }

    public async Task<EngineReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        Phase("setup", $"one generated file of {scale.LocalRunRows} rows for (c), the process's first execution, then the engine cases");
        using var workspace = await LocalRunWorkspace.CreateAsync(scale.Name, scale.LocalRunRows, cancellationToken).ConfigureAwait(false);
        var firstRun = await LocalRunBreakdown.FirstRunAsync(workspace, EngineDefinitions.Pipeline(datasetConfigured: true), cancellationToken).ConfigureAwait(false);
        var localTransitions = await CountLocalRunTransitionsAsync(workspace, cancellationToken).ConfigureAwait(false);
        var workloads = await EngineWorkloads.CreateAsync(cancellationToken).ConfigureAwait(false);
        var transitions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            transitions[workload.Method] = await workload.CountTransitionsAsync(cancellationToken).ConfigureAwait(false);
        }

        Phase("(a)+(b) BenchmarkDotNet", "engine cases, per state transition");
        var engineSummary = Run(PerTransitionCases.Of(typeof(EngineBenchmarks), EngineConfig.EngineCases(scale, workspace.Artifacts), transitions));

        Phase("(c) BenchmarkDotNet", $"{scale.LocalRunIterations} whole local runs through PipelineHost");
        var localSummary = RunLocal(workspace);

        Phase("(c) breakdown", $"{scale.BreakdownRuns} timed local runs with and without a dataset configured");
        var breakdown = await LocalRunBreakdown.MeasureAsync(workspace, EngineDefinitions.Pipeline(datasetConfigured: true), scale.BreakdownRuns, cancellationToken).ConfigureAwait(false);
        var noDataset = await LocalRunBreakdown.MeasureAsync(workspace, EngineDefinitions.Pipeline(datasetConfigured: false), scale.BreakdownRuns, cancellationToken).ConfigureAwait(false);
        load.Enter("report");

        var cases = workloads.ToDictionary(w => w.Method, w => EngineCaseResult.From(engineSummary, w, transitions[w.Method]), StringComparer.Ordinal);
        return new EngineReport
        {
            Scale = scale,
            Environment = DescribeEnvironment(),
            Load = load.Describe(),
            EngineCases = [.. workloads.Select(w => cases[w.Method])],
            PureEngine = cases[nameof(EngineBenchmarks.PipelineHappyPath)],
            PureEngineNoDataset = cases[nameof(EngineBenchmarks.PipelineNoDataset)],
            LocalRun = EngineCaseResult.From(localSummary, nameof(LocalRunBenchmarks.LocalRun), $"(c) pipeline through PipelineHost, real local handlers, 1 file x {scale.LocalRunRows:#,0} rows", localTransitions, 1, pipeline: true),
            FirstRun = firstRun,
            Breakdown = breakdown,
            BreakdownNoDataset = noDataset,
            EngineSummary = ToMarkdown(engineSummary),
            LocalRunSummary = ToMarkdown(localSummary),
        };
    }

    /// <summary>One local run through the host, which must succeed: its transitions.</summary>
    private static async Task<int> CountLocalRunTransitionsAsync(LocalRunWorkspace workspace, CancellationToken cancellationToken)
    {
        workspace.ResetJob();
        var outcome = await workspace.CreateHost().RunForObjectAsync(workspace.Key, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? outcome.Result.StateTransitions
            : throw new InvalidOperationException($"the local run of {workspace.Key} ended {outcome.Result.Status}: {outcome.CauseLine}");
    }

    private Summary RunLocal(LocalRunWorkspace workspace)
    {
        LocalRunBenchmarks.Workspace = workspace;
        try
        {
            return Run(BenchmarkConverter.TypeToBenchmarks(typeof(LocalRunBenchmarks), EngineConfig.LocalRun(scale, workspace.Artifacts)));
        }
        finally
        {
            LocalRunBenchmarks.Workspace = null;
        }
    }

    private static Summary Run(BenchmarkRunInfo cases)
    {
        var summary = BenchmarkRunner.Run(cases);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success)
            ? throw new InvalidOperationException("BenchmarkDotNet did not complete; see its log above")
            : summary;
    }

    private static string ToMarkdown(Summary summary)
    {
        var logger = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, logger);
        return logger.GetLog();
    }

    private static string DescribeEnvironment() => string.Create(
        CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC.");

    private void Phase(string name, string message)
    {
        load.Enter(name);
        Console.WriteLine($"// purchase-pipeline engine benchmark: {name}: {message}");
    }
}
