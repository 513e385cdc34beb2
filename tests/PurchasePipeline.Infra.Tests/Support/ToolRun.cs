using System.ComponentModel;
using System.Diagnostics;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>Runs one of the test command's tools (node, python3) to its end; a tool that cannot start fails the test with how to install it, never skips it.</summary>
internal static class ToolRun
{
    public static (int ExitCode, string StandardOutput, string StandardError) Run(ProcessStartInfo start, string install)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception error)
        {
            Assert.Fail($"{start.FileName} could not be started ({error.Message}): {install}");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
    }
}
