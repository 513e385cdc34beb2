using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Benchmarks.Measuring;

namespace PurchasePipeline.Benchmarks.Incremental;

/// <summary>
/// Runs the command line a user runs, `purchase-pipeline run FILE --home HOME --json --log-format json` (the build's
/// apphost next to this assembly), and splits its wall time into phases from the execution's JSON log: the time each
/// phase's first state was entered, and the process's own start and exit around the execution.
/// </summary>
internal static class CliExecution
{
    /// <summary>The phases, in order: start-up, the four pipeline steps (from the state each begins at), the rest.</summary>
    public static readonly IReadOnlyList<string> PhaseNames = ["start-up", "crawler", "job", "validation", "dashboard", "other"];

    /// <summary>The state each pipeline step begins at (statemachine/purchase-pipeline.asl.json); a missing one fails the run.</summary>
    private static readonly (string Phase, string State)[] Steps =
        [("crawler", "StartCrawler"), ("job", "StartEtlJob"), ("validation", "StartValidation"), ("dashboard", "RefreshDataset")];

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "purchase-pipeline");

    /// <summary>Runs one execution for <paramref name="file"/> and checks it read <paramref name="expectedRows"/> rows of that one file.</summary>
    /// <exception cref="InvalidOperationException">The process failed, the execution did not succeed, or it read other rows.</exception>
    public static ExecutionSample Run(string file, string home, long expectedRows)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", file, "--home", home, "--json", "--log-format", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildCpu.Total();
        var launched = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        var cpu = ChildCpu.Total() - cpuBefore;
        var (output, log) = (stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"purchase-pipeline run {file} exited with {process.ExitCode}: {output.Trim()} {log.Trim()}");
        }

        Check(file, output, expectedRows);
        return new ExecutionSample(clock.Elapsed, cpu, Phases(log, launched, clock.Elapsed));
    }

    private static void Check(string file, string output, long expectedRows)
    {
        var execution = JsonNode.Parse(output)!.AsArray().Single()!;
        var manifest = execution["output"]?["job"]?["manifest"];
        var (status, rows, files) = ((string?)execution["status"], (long?)manifest?["rows_in"], (long?)manifest?["file_count"]);
        if (status != "SUCCEEDED" || rows != expectedRows || files != 1)
        {
            throw new InvalidOperationException($"run {file}: {status}, {rows} row(s) of {files} file(s); expected SUCCEEDED, {expectedRows} rows of 1 file");
        }
    }

    /// <summary>Each phase's wall time; "other" is what the log does not place (the first states, the end, exit).</summary>
    private static Dictionary<string, TimeSpan> Phases(string log, DateTimeOffset launched, TimeSpan elapsed)
    {
        var events = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (
                Time: DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
                Message: e.GetProperty("message").GetString(),
                State: e.TryGetProperty("state_name", out var state) ? state.GetString() : null))
            .ToList();
        DateTimeOffset Entered(string state) =>
            events.FirstOrDefault(e => e.Message == "State entered" && e.State == state).Time is var time && time != default
                ? time
                : throw new InvalidOperationException($"the execution's log has no 'State entered' for {state}");
        var ended = events.Last(e => e.Message?.StartsWith("Execution ended", StringComparison.Ordinal) == true).Time;
        var phases = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["start-up"] = events[0].Time - launched };
        for (var i = 0; i < Steps.Length; i++)
        {
            phases[Steps[i].Phase] = (i + 1 < Steps.Length ? Entered(Steps[i + 1].State) : ended) - Entered(Steps[i].State);
        }

        phases["other"] = elapsed - phases.Values.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase);
        return phases;
    }
}
