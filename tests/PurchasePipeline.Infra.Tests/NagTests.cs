using PurchasePipeline.Infra.Tests.Support;

namespace PurchasePipeline.Infra.Tests;

/// <summary>cdk-nag's AwsSolutions pack over the synthesized template (Support/NagReport.cs, nag/check.cjs).</summary>
[Trait("Requires", "node")]
[Trait("Requires", "cdk-nag")]
public sealed class NagTests(NagReport nag) : IClassFixture<NagReport>
{
    [Fact]
    public void AwsSolutionsChecks_FullDeployment_HasNoUnsuppressedErrors()
    {
        Assert.True(nag.ExitCode == 0, $"cdk-nag found unsuppressed errors (exit {nag.ExitCode}):\n{nag.Output}");
        Assert.Contains("0 unsuppressed errors", nag.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AwsSolutions-GL1")]
    [InlineData("AwsSolutions-GL3")]
    public void GlueEncryptionRules_AreMet_NotSuppressed(string rule)
    {
        var (_, template) = Synth.Stack(new() { ["quickSightDatasetId"] = "purchases" });

        Assert.DoesNotContain(nag.Findings, finding => finding.Contains(": " + rule + ":", StringComparison.Ordinal));
        Assert.DoesNotContain(Suppressions(template.Json()), suppression => (string?)suppression["id"] == rule);
    }

    [Fact]
    public void Suppressions_EveryOneHasAReason()
    {
        var (_, template) = Synth.Stack(new() { ["quickSightDatasetId"] = "purchases" });
        var rules = Suppressions(template.Json());

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.True(((string?)rule["reason"])?.Length >= 20, rule.ToJsonString()));
    }

    private static List<System.Text.Json.Nodes.JsonNode> Suppressions(System.Text.Json.Nodes.JsonObject template) =>
    [
        .. template["Resources"]!.AsObject()
            .SelectMany(resource => resource.Value!["Metadata"]?["cdk_nag"]?["rules_to_suppress"]?.AsArray() ?? [])
            .Select(rule => rule!),
    ];
}
