using System.Diagnostics;
using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// cdk-nag (AwsSolutions) over the synthesized template. cdk-nag is an npm library, so nag/check.cjs runs
/// it on Node; tests/run-tests.sh installs it (npm ci in nag/). A missing tool fails the test, never skips it.
/// </summary>
public sealed class NagTests
{
    private static readonly string NagFolder = Path.Combine(Synth.Files.Root, "tests", "PurchasePipeline.Infra.Tests", "nag");

    [Fact]
    public void AwsSolutionsChecks_FullDeployment_HasNoUnsuppressedErrors()
    {
        var outdir = Directory.CreateTempSubdirectory("infra-synth-").FullName;
        var app = Synth.App(new() { ["alertEmail"] = "oncall@example.com", ["quickSightDatasetId"] = "purchases" }, outdir);
        PurchasePipeline.Infra.Program.CreateStack(app);
        app.Synth();
        var template = Path.Combine(outdir, PurchasePipeline.Infra.Program.StackName + ".template.json");

        var (exitCode, output) = RunNode(Path.Combine(NagFolder, "check.cjs"), template);

        Assert.True(exitCode == 0, $"cdk-nag found unsuppressed errors (exit {exitCode}):\n{output}");
        Assert.Contains("0 unsuppressed errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressions_EveryOneHasAReason()
    {
        var (_, template) = Synth.Stack(new() { ["quickSightDatasetId"] = "purchases" });
        var rules = template.Json()["Resources"]!.AsObject()
            .SelectMany(resource => resource.Value!["Metadata"]?["cdk_nag"]?["rules_to_suppress"]?.AsArray() ?? [])
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.True(((string?)rule!["reason"])?.Length >= 20, rule!.ToJsonString()));
    }

    private static (int ExitCode, string Output) RunNode(string script, string template)
    {
        Assert.True(Directory.Exists(Path.Combine(NagFolder, "node_modules", "cdk-nag")),
            $"cdk-nag is not installed in {NagFolder}/node_modules: run tests/run-tests.sh (it runs npm ci there)");
        var start = new ProcessStartInfo("node") { WorkingDirectory = NagFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(template);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Assert.Fail($"node is not on the PATH ({error.Message}): cdk-nag needs Node.js 20 or later");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
