using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>
/// Baseline (c): baseline/clean_purchases_pandas.py run as a child process with /usr/bin/python3. The
/// time is the whole process, interpreter start and pandas import included, as a scheduled script pays
/// them; the peak RSS is the one the script reports for itself.
/// </summary>
internal static class PandasBaseline
{
    public const string Interpreter = "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "baseline", "clean_purchases_pandas.py");

    /// <summary>The pandas version, or null when the interpreter or pandas is missing.</summary>
    public static string? PandasVersion()
    {
        if (!File.Exists(Interpreter))
        {
            return null;
        }

        var (exitCode, stdout, _) = Execute(["-c", "import pandas; print(pandas.__version__)"]);
        return exitCode == 0 ? stdout.Trim() : null;
    }

    /// <summary>One run of the script over <paramref name="landing"/>, writing to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidOperationException">The script failed; the message holds its stderr.</exception>
    public static PandasRun Run(string landing, string output)
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = Execute([Script, landing, output]);
        clock.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Script} exited with {exitCode}: {stderr.Trim()}");
        }

        var summaryLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        using var summary = JsonDocument.Parse(summaryLine);
        var root = summary.RootElement;
        return new PandasRun(
            clock.Elapsed,
            TimeSpan.FromSeconds(root.GetProperty("cpu_seconds").GetDouble()),
            root.GetProperty("rows_in").GetInt64(),
            root.GetProperty("rows_clean").GetInt64(),
            root.GetProperty("rows_rejected").GetInt64(),
            root.GetProperty("rows_deduplicated").GetInt64(),
            root.GetProperty("max_rss_kb").GetInt64() * 1024);
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Interpreter} did not start"));
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
