using System.Diagnostics;
using System.Text.RegularExpressions;
using PurchasePipeline.Functions;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Asl;

/// <summary>
/// The definition, substituted as CDK deploys it, passes the npm asl-validator (AWS's community validator),
/// and that validator does reject a broken definition (so this check can fail).
/// </summary>
[Trait("Requires", "node")]
[Trait("Requires", "asl-validator")]
public sealed partial class AslValidatorTests : IDisposable
{
    private static readonly string ToolFolder = RepoPaths.Combine("tests", "PurchasePipeline.EndToEnd.Tests", "asl-validator");
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void AslValidator_DeployedDefinition_IsValid()
    {
        var text = File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json"));
        foreach (var function in FunctionCatalog.All)
        {
            text = text.Replace("${" + function.ArnPlaceholder + "}", "arn:aws:lambda:eu-west-1:123456789012:function:purchase-pipeline-" + function.Name, StringComparison.Ordinal);
        }

        text = text.Replace("${AlertTopicArn}", "arn:aws:sns:eu-west-1:123456789012:purchase-pipeline-alerts", StringComparison.Ordinal);
        text = Placeholder().Replace(text, "30");
        var file = temp.Combine("purchase-pipeline.asl.json");
        File.WriteAllText(file, text);

        var (exitCode, output) = Validate(file);

        Assert.True(exitCode == 0, output);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AslValidator_MissingNextTarget_IsRejected()
    {
        var file = temp.Combine("broken.asl.json");
        File.WriteAllText(file, """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}""");

        var (exitCode, output) = Validate(file);

        Assert.Equal(1, exitCode);
        Assert.Contains("MISSING_TRANSITION_TARGET", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Validate(string file)
    {
        var package = TestTools.RequireFolder(Path.Combine(ToolFolder, "node_modules", "asl-validator"), "the npm asl-validator", "asl-validator");
        var start = new ProcessStartInfo("node");
        start.ArgumentList.Add(Path.Combine(package, "dist", "bin", "asl-validator.js"));
        start.ArgumentList.Add("--json-path");
        start.ArgumentList.Add(file);
        var (exitCode, stdout, stderr) = TestTools.Run(start, "node");
        return (exitCode, stdout + stderr);
    }

    [GeneratedRegex(@"\$\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();
}
