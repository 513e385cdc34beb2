using PurchasePipeline.Cli.Commands;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>The AWS-facing commands' argument handling (no AWS account is reachable from the tests).</summary>
public sealed class AwsPlaneTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunPlaneAws_WithoutEvent_ExitsTwoNamingTheOption()
    {
        var result = await CliHarness.RunAsync("run", "--plane", "aws", "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--plane aws needs --event EVENT.json", result.Error.Trim());
    }

    [Fact]
    public async Task RunPlaneAws_EventNotJson_ExitsTwoNamingTheFile()
    {
        var file = temp.Combine("event.json");
        await File.WriteAllTextAsync(file, "not json");

        var result = await CliHarness.RunAsync("run", "--plane", "aws", "--event", file, "--home", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(file + ": not JSON", result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPlane_Unknown_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("run", "--plane", "gcp", "--event", "x.json");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task RerunAws_WithoutStateMachineArn_ExitsTwo()
    {
        var result = await CliHarness.RunAsync("rerun", "some-execution", "--aws");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--state-machine-arn", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutionArn_FromStateMachineArnAndName_FollowsTheArnFormat()
    {
        Assert.Equal(
            "arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:run-1",
            StepFunctionsCommand.ExecutionArn("arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline", "run-1"));
    }
}
