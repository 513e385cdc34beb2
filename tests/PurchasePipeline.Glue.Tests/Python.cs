using System.Diagnostics;
using System.Text.Json;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// Runs Debian's interpreter, /usr/bin/python3, where apt installs python3-sqlglot (a python3 earlier on
/// PATH, such as a pyenv shim, may not have it). Nothing is skipped: a missing interpreter or module fails; the
/// tests carry [Trait("Requires", "python3")], or "sqlglot" when a script imports it.
/// </summary>
internal static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly string PycachePrefix = Path.Combine(Path.GetTempPath(), "pp-glue-tests-pycache");

    /// <summary>Runs one of the scripts under scripts/.</summary>
    public static Task<PythonRun> ScriptAsync(string script, params string[] arguments) =>
        RunAsync([GluePaths.Script(script), .. arguments]);

    /// <summary>Runs the job's pure helpers through scripts/inspect_job.py and parses its JSON answer.</summary>
    public static async Task<JsonElement> InspectJobAsync(params string[] arguments)
    {
        var run = await ScriptAsync("inspect_job.py", [GluePaths.JobScript, .. arguments]);
        PythonAssert.Succeeded(run);
        using var document = JsonDocument.Parse(run.StandardOutput);
        return document.RootElement.Clone();
    }

    public static async Task<PythonRun> RunAsync(params string[] arguments)
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

        // Byte code goes to a temp folder, not next to the job script; no outside module path leaks in.
        start.Environment["PYTHONPYCACHEPREFIX"] = PycachePrefix;
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");

        using var process = TestTools.Start(start, "python3");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} ran longer than {Timeout}");
        }

        return new PythonRun(arguments, process.ExitCode, await standardOutput, await standardError);
    }
}

/// <summary>The outcome of one python3 run; its text is the failure message of a test.</summary>
internal sealed record PythonRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"{Python.Interpreter} {string.Join(' ', Arguments)} exited with {ExitCode}\n"
        + $"--- stderr ---\n{StandardError}\n--- stdout ---\n{StandardOutput}";
}

internal static class PythonAssert
{
    public static void Succeeded(PythonRun run) => Assert.True(run.ExitCode == 0, run.ToString());

    /// <summary>The run failed and said why: stderr holds every one of the expected fragments.</summary>
    public static void FailedSaying(PythonRun run, params string[] fragments)
    {
        Assert.True(run.ExitCode != 0, "expected a failure, but: " + run);
        foreach (var fragment in fragments)
        {
            Assert.True(run.StandardError.Contains(fragment, StringComparison.Ordinal), $"stderr lacks \"{fragment}\": {run}");
        }
    }
}
