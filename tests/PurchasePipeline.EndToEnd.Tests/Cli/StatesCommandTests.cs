using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>`states validate` and `states run`: the real definition, broken copies of it, and bad arguments (exit 2, one line, no stack trace).</summary>
public sealed class StatesCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task StatesValidate_RealDefinition_ExitsZero()
    {
        var result = await CliHarness.RunAsync("states", "validate", PipelineDefinition.File);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"{PipelineDefinition.File}: valid", result.Output.Trim());
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task StatesValidate_NextToMissingStateAndWaitWithTwoDurations_ExitsTwoWithOneLinePerProblem()
    {
        var broken = BrokenCopy();

        var result = await CliHarness.RunAsync("states", "validate", broken);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Single(lines, l => l.StartsWith($"{broken}: $.States.Crawl.Branches[0].States.IsCrawlerReady.Default: ", StringComparison.Ordinal) && l.Contains("Nowhere", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith($"{broken}: $.States.Transform.Branches[0].States.WaitForJob", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesRun_BrokenDefinition_ExitsTwoWithOneLine()
    {
        var result = await StatesRunAsync(BrokenCopy());

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("$.States.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task StatesRunAndValidate_BrokenDefinition_DescribeTheFaultInTheSameWords()
    {
        var broken = BrokenCopy();

        var validate = await CliHarness.RunAsync("states", "validate", broken);
        var run = await StatesRunAsync(broken);

        var problems = validate.Error.Trim().Split('\n');
        Assert.Equal($"{problems[0]} (and {problems.Length - 1} more)", run.Error.Trim());
    }

    [Fact]
    public async Task StatesRun_MissingDefinition_ExitsTwoWithOneLine()
    {
        var missing = temp.Combine("nope.asl.json");

        var result = await StatesRunAsync(missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{missing}: no such definition file", result.Error.Trim());
    }

    [Fact]
    public async Task StatesRun_TestCaseNotInMockConfig_ExitsTwoWithOneLine()
    {
        var result = await StatesRunAsync(PipelineDefinition.File, "--mock-config", Fixtures.MockConfig, "--test-case", "Nope");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith($"{Fixtures.MockConfig}: $.StateMachines.purchase-pipeline.TestCases: no test case named 'Nope'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatesRun_MockConfigWithoutTestCase_ExitsTwoWithOneLine()
    {
        var result = await StatesRunAsync(PipelineDefinition.File, "--mock-config", Fixtures.MockConfig);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--mock-config needs --test-case", result.Error.Trim());
    }

    [Fact]
    public async Task StatesRun_InputFileMissing_ExitsTwoNamingTheInputFile()
    {
        // Regression: System.CommandLine read @FILE as a response file and reported that instead.
        var missing = temp.Combine("missing.json");

        var result = await CliHarness.RunAsync("states", "run", PipelineDefinition.File, "--input", "@" + missing, "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{missing}: no such input file", result.Error.Trim());
    }

    [Fact]
    public async Task StatesRun_InputNotJson_ExitsTwoWithOneLine()
    {
        var result = await CliHarness.RunAsync("states", "run", PipelineDefinition.File, "--input", "{not json", "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task StatesRun_ExecutionFailsOnTheBoundHandlers_PrintsErrorAndCauseAndExitsOne()
    {
        var result = await CliHarness.RunAsync("states", "run", PipelineDefinition.File, "--input", """{"detail": {}}""", "--wait-scale", "0", "--home", temp.Path);

        Assert.Equal(1, result.ExitCode);
        var printed = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(["error", "cause"], printed.Select(p => p.Key));
        Assert.Equal("InvalidExecutionInput", (string?)printed["error"]);
        Assert.EndsWith("""got {"detail":{}}""", (string?)printed["cause"], StringComparison.Ordinal);
        // `states run` runs any definition: no execution is stored, and the alert rule is not applied.
        Assert.Empty(Alerts.Written(temp.Path));
    }

    private Task<CliResult> StatesRunAsync(string definition, params string[] more) =>
        CliHarness.RunAsync(["states", "run", definition, "--input", "@" + Fixtures.ObjectCreatedEvent, "--wait-scale", "0", "--home", temp.Path, .. more]);

    /// <summary>The real definition with two mistakes: a Default to a state that does not exist, and a Wait given two durations.</summary>
    private string BrokenCopy()
    {
        var definition = JsonNode.Parse(File.ReadAllText(PipelineDefinition.File))!;
        definition["States"]!["Crawl"]!["Branches"]![0]!["States"]!["IsCrawlerReady"]!["Default"] = "Nowhere";
        definition["States"]!["Transform"]!["Branches"]![0]!["States"]!["WaitForJob"]!["Seconds"] = 10;
        var path = temp.Combine("broken.asl.json");
        File.WriteAllText(path, definition.ToJsonString());
        return path;
    }
}
