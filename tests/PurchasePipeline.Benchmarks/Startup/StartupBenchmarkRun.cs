using System.Globalization;
using System.Text;
using PurchasePipeline.Benchmarks.Engine;
using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Startup;

/// <summary>
/// `-- startup [--quick]`: what a user waits for on a small file, and what a task function's cold start costs.
/// (a) `purchase-pipeline run` of one 10-row file into a fresh home, process start to exit, for each CLI build;
/// (b) a task function's process start to first response against a fake Lambda Runtime API, as JIT, ReadyToRun
/// and Native AOT. Rounds are interleaved so background load falls on every build alike; writes results/startup.md.
/// </summary>
internal static class StartupBenchmarkRun
{
    private static readonly string[] CountFields = ["rows_in", "rows_clean", "rows_rejected", "rows_deduplicated"];

    public const string Usage = "usage: dotnet run -c Release --project tests/PurchasePipeline.Benchmarks -- startup [--quick]";

    public static async Task<int> MainAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Any(a => a != "--quick"))
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var quick = args.Contains("--quick");
        var (cliRounds, coldStarts) = quick ? (2, 3) : (10, 20);
        var work = Path.Combine(Path.GetTempPath(), "purchase-pipeline-benchmarks", "startup");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        using var load = new LoadLog(TimeProvider.System);
        var builds = new StartupBuilds(RepoFiles.RepositoryRoot, work);
        load.Enter("build");
        await builds.BuildAsync(cancellationToken).ConfigureAwait(false);

        load.Enter("(a) 10-row run");
        var file = await SmallFileAsync(work, cancellationToken).ConfigureAwait(false);
        (string Name, string File, string[] Prefix)[] clis =
        [
            ("JIT: `dotnet publish` (framework-dependent, no ReadyToRun)", builds.CliJit, []),
            ("ReadyToRun (`dotnet publish -r RID -p:PublishAot=false`: a platform package packed on another platform)", builds.CliReadyToRun, []),
            ("Native AOT: the dotnet tool's build (`dotnet publish -r RID`, PublishAot)", builds.CliTool, []),
            ("`dotnet run --project src/PurchasePipeline.Cli --` (README; already built)", "dotnet", ["run", "--project", builds.Cli, "--"]),
        ];
        string? expectedCounts = null;
        var cliSamples = clis.ToDictionary(c => c.Name, _ => new List<Timing>(), StringComparer.Ordinal);
        for (var round = 0; round < cliRounds; round++)
        {
            foreach (var (name, command, prefix) in clis)
            {
                var home = Path.Combine(work, "home");
                if (Directory.Exists(home))
                {
                    Directory.Delete(home, recursive: true);
                }

                var timing = await ChildProcess.RunAsync(command, [.. prefix, "run", file, "--home", home, "--json"], environment: null, cancellationToken).ConfigureAwait(false);
                var counts = Counts(name, timing.Output);
                expectedCounts ??= counts;
                if (counts != expectedCounts)
                {
                    throw new InvalidOperationException($"{name}: counts {counts}, other runs {expectedCounts}");
                }

                cliSamples[name].Add(timing);
            }
        }

        load.Enter("(b) Lambda cold start");
        var lambdaSamples = StartupBuilds.LambdaBuilds.ToDictionary(b => b, _ => new List<ColdStartSample>(), StringComparer.Ordinal);
        using (var service = new FakeLambdaService())
        {
            for (var round = 0; round < coldStarts; round++)
            {
                foreach (var build in StartupBuilds.LambdaBuilds)
                {
                    lambdaSamples[build].Add(await ColdStart.MeasureAsync(builds.Lambda(build), service, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        var markdown = Render(quick, cliSamples, lambdaSamples, builds, load.Describe()) + $"\nEvery run's manifest counted the same rows (in/clean/rejected/deduplicated): {expectedCounts}.\n";
        Console.WriteLine(markdown);
        var path = Path.Combine(RepoFiles.Results, quick ? "startup-quick.md" : "startup.md");
        await File.WriteAllTextAsync(path, markdown, cancellationToken).ConfigureAwait(false);
        Console.WriteLine("written to " + path);
        return 0;
    }

    /// <summary>One generated file of 10 rows (9 valid, 1 dirty with this seed), written by the CLI under test's own generator.</summary>
    private static async Task<string> SmallFileAsync(string work, CancellationToken cancellationToken)
    {
        var landing = Path.Combine(work, "input");
        await BenchmarkWorkspace.GenerateAsync(landing, files: 1, rows: 10, cancellationToken).ConfigureAwait(false);
        return Directory.EnumerateFiles(Path.Combine(landing, "raw"), "*.csv", SearchOption.AllDirectories).Single();
    }

    /// <summary>The run's manifest counts (in/clean/rejected/deduplicated): every build must do the same work.</summary>
    private static string Counts(string build, string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var execution = document.RootElement[0];
        if (execution.GetProperty("status").GetString() != "SUCCEEDED")
        {
            throw new InvalidOperationException($"{build}: the run did not succeed: {execution}");
        }

        var manifest = execution.GetProperty("output").GetProperty("job").GetProperty("manifest");
        return string.Join('/', CountFields.Select(name => manifest.GetProperty(name).GetInt64()));
    }

    private static string Render(bool quick, Dictionary<string, List<Timing>> cli, Dictionary<string, List<ColdStartSample>> lambda, StartupBuilds builds, string? load)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"# Start-up benchmark{(quick ? " (quick)" : string.Empty)}");
        text.AppendLine();
        text.AppendLine(invariant, $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, x64 ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}); 1-minute load average by phase: {load ?? "n/a"}.");
        text.AppendLine("Rounds interleave the builds. Wall time is what the user (or Lambda) waits; CPU time (user + system) is less skewed by the other work on the machine.");
        text.AppendLine();
        text.AppendLine(invariant, $"## (a) `purchase-pipeline run` of one 10-row file, fresh home, process start to exit ({cli.Values.First().Count} runs each)");
        text.AppendLine();
        text.AppendLine("| build | wall median | wall min | CPU median | CPU min |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, samples) in cli)
        {
            text.AppendLine(invariant, $"| {name} | {S(Statistics.Median(samples.Select(s => s.Elapsed)))} | {S(samples.Min(s => s.Elapsed))} | {S(Statistics.Median(samples.Select(s => s.CpuTime)))} | {S(samples.Min(s => s.CpuTime))} |");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"## (b) Lambda cold start: StartCrawler, process start to first response ({lambda.Values.First().Count} cold starts each)");
        text.AppendLine();
        text.AppendLine("The package's `bootstrap` started as Lambda starts a custom runtime, against a fake Runtime API and a fake Glue on 127.0.0.1 (the handler makes its signed StartCrawler call). Built for linux-x64 here; Lambda runs the linux-arm64 build.");
        text.AppendLine();
        text.AppendLine("| build | wall median | wall min | CPU median | CPU min | package |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (build, samples) in lambda)
        {
            var folder = Path.GetDirectoryName(builds.Lambda(build))!;
            var megabytes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal) && !f.EndsWith(".dbg", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length) / 1e6;
            text.AppendLine(invariant, $"| {build} | {Ms(Statistics.Median(samples.Select(s => s.Elapsed)))} | {Ms(samples.Min(s => s.Elapsed))} | {Ms(Statistics.Median(samples.Select(s => s.CpuTime)))} | {Ms(samples.Min(s => s.CpuTime))} | {megabytes:0.0} MB |");
        }

        return text.ToString();

        string S(TimeSpan value) => string.Create(invariant, $"{value.TotalSeconds:0.00} s");
        string Ms(TimeSpan value) => string.Create(invariant, $"{value.TotalMilliseconds:0} ms");
    }
}
