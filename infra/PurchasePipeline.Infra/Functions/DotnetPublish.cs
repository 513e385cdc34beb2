using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace PurchasePipeline.Infra.Functions;

/// <summary>Bundles the Functions project with the dotnet on this machine (no Docker).</summary>
internal sealed class DotnetPublish : DeputyBase, ILocalBundling
{
    private readonly string root;
    private readonly string command;

    public DotnetPublish(string root, string command)
    {
        this.root = root;
        this.command = command;
    }

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var parts = command.Split(' ');
        var start = new ProcessStartInfo(parts[0]) { WorkingDirectory = root, UseShellExecute = false };
        foreach (var argument in parts.Skip(1).Append(outputDir))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.WaitForExit();
            return process.ExitCode == 0
                ? true
                : throw new InvalidOperationException($"'{command} {outputDir}' exited with {process.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no dotnet on the PATH: CDK falls back to the Docker image
        }
    }
}
