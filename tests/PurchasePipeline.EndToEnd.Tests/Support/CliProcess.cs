using System.Diagnostics;
using System.Text;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// The purchase-pipeline command line as a real child process (the build's purchase-pipeline.dll beside
/// the tests), so a test can kill it with SIGKILL or SIGTERM at a chosen point.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private CliProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args) => Start(new Dictionary<string, string?>(), args);

    /// <summary>Starts the CLI with these environment variables set (a null value removes the variable).</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "purchase-pipeline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Append(cli.output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(cli.error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Sends SIGTERM (what kill and service managers send) and waits for the process to end.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(patience);
    }

    /// <summary>SIGKILL: the process ends at once, running nothing of its own.</summary>
    public async Task KillAsync(TimeSpan patience)
    {
        process.Kill();
        await WaitForExitAsync(patience);
    }

    /// <summary>Waits for the process to end (reaping it, so its id no longer names a live process) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }
}
