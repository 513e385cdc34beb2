using System.ComponentModel;
using System.Diagnostics;

namespace PurchasePipeline.TestUtils;

/// <summary>
/// The tools some tests need beside the .NET SDK: Debian's python3 and Node.js, which tests/run-tests.sh expects, and
/// what it installs (apt: python3-sqlglot, python3-botocore; npm: cdk-nag, asl-validator, aws-sdk). A test that needs
/// one carries <c>[Trait("Requires", "TOOL")]</c> (tests/README.md lists them); <c>tests/run-tests.sh --without-tools</c>
/// leaves those tests out and says how many. A missing tool fails the test with one line naming it and its trait,
/// never skips it.
/// </summary>
public static class TestTools
{
    /// <summary>Fails unless an installed tool's folder (an npm package, a python module's data) exists.</summary>
    public static string RequireFolder(string folder, string tool, string trait) =>
        Directory.Exists(folder) ? folder : throw Missing($"{tool} is not installed ({folder} is missing)", trait);

    /// <summary>Fails unless a command is an executable file in a folder of PATH (as the CDK's jsii runtime looks for node).</summary>
    public static void RequireOnPath(string command, string trait)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (!folders.Select(folder => Path.Combine(folder, command)).Any(IsExecutable))
        {
            throw Missing($"{command} is not on the PATH", trait);
        }
    }

    /// <summary>Starts a tool's process; one that cannot start fails with one line naming it and its trait.</summary>
    public static Process Start(ProcessStartInfo start, string trait)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            return Process.Start(start) ?? throw Missing($"{start.FileName} did not start", trait);
        }
        catch (Win32Exception error)
        {
            throw Missing($"{start.FileName} could not be started ({error.Message})", trait);
        }
    }

    /// <summary>Runs a tool to its end and returns its exit code and both outputs.</summary>
    public static (int ExitCode, string StandardOutput, string StandardError) Run(ProcessStartInfo start, string trait)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Start(start, trait);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The failure of a test whose tool is missing: what is missing, how to install it, the trait the test needs.</summary>
    private static InvalidOperationException Missing(string what, string trait) =>
        new($"{what} (tests/README.md says where each test tool comes from; tests/run-tests.sh installs the apt and npm ones): "
            + $"a test that needs it carries [Trait(\"Requires\", \"{trait}\")], which `tests/run-tests.sh --without-tools` leaves out");

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
