using System.Diagnostics;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// cdk-nag (AwsSolutions) run once over the full deployment's synthesized template. cdk-nag is an npm library,
/// so nag/check.cjs runs it on Node; tests/run-tests.sh installs it (npm ci in nag/). Its tests carry
/// [Trait("Requires", "cdk-nag")]; a missing tool fails them, never skips them.
/// </summary>
public sealed class NagReport
{
    private static readonly string NagFolder = Path.Combine(Synth.Files.Root, "tests", "PurchasePipeline.Infra.Tests", "nag");

    public NagReport()
    {
        var outdir = Directory.CreateTempSubdirectory("infra-synth-").FullName;
        var app = Synth.App(new() { ["alertEmail"] = "oncall@example.com", ["quickSightDatasetId"] = "purchases" }, outdir);
        PurchasePipeline.Infra.Program.CreateStack(app);
        app.Synth();
        (ExitCode, Output) = RunNode(Path.Combine(NagFolder, "check.cjs"), Path.Combine(outdir, PurchasePipeline.Infra.Program.StackName + ".template.json"));
    }

    public int ExitCode { get; }

    /// <summary>One line per unsuppressed finding (<c>error PATH: RULE: ...</c> or <c>warning PATH: RULE: ...</c>), then the summary.</summary>
    public string Output { get; }

    public IReadOnlyList<string> Findings =>
        [.. Output.Split('\n').Where(line => line.StartsWith("error ", StringComparison.Ordinal) || line.StartsWith("warning ", StringComparison.Ordinal))];

    private static (int ExitCode, string Output) RunNode(string script, string template)
    {
        TestTools.RequireFolder(Path.Combine(NagFolder, "node_modules", "cdk-nag"), "the npm cdk-nag", "cdk-nag");
        var start = new ProcessStartInfo("node") { WorkingDirectory = NagFolder };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(template);
        var (exitCode, stdout, stderr) = TestTools.Run(start, "cdk-nag");
        return (exitCode, stdout + stderr);
    }
}
