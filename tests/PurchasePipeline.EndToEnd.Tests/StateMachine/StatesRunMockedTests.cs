using System.Text.Json.Nodes;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Asl;

/// <summary>
/// The real definition through <c>states run … --mock-config … --test-case … --wait-scale 0</c>, one test case of
/// Fixtures/purchase-pipeline.mock.json each. States a test case does not mock reach the local plane's
/// handlers. The definition publishes no alert itself: the alert rule pages on the execution's status
/// (statemachine/alert-rule.json), which `states run` (any definition, no execution stored) does not apply.
/// </summary>
public sealed class StatesRunMockedTests : IDisposable
{
    private const string JobRunId = "jr_20261125T120000_0a1b2c3d";
    private const string ServiceExceptionCause = "Lambda is unable to handle the request (Service: Lambda, Status Code: 500)";
    private const string NotFoundCause = """{"errorMessage":"no such thing (mocked)","errorType":"EntityNotFoundException"}""";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> TaskStates =>
        ["StartCrawler", "GetCrawlerState", "StartEtlJob", "GetJobRun", "StartValidation", "GetValidationResult", "RefreshDataset", "GetRefreshStatus"];

    [Fact]
    public async Task StatesRun_HappyPath_PrintsTheFinalOutputAndExitsZero()
    {
        var result = await StatesRunAsync("HappyPath");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.True(JsonNode.DeepEquals(Fixtures.Read(Fixtures.HappyPathOutput), JsonNode.Parse(result.Output)), result.Output);
        Assert.Empty(Alerts.Written(temp.Path));
    }

    [Fact]
    public async Task StatesRun_CrawlerAlreadyRunning_JoinsItAndContinuesOnceReady()
    {
        var result = await StatesRunAsync("CrawlerAlreadyRunning");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var output = JsonNode.Parse(result.Output)!;
        Assert.Equal("READY", (string?)output["crawler"]!["state"]);
        Assert.Equal(2, (int?)output["crawler"]!["poll"]);
        Assert.Equal("COMPLETED", (string?)output["refresh"]!["state"]);
    }

    [Fact]
    public async Task StatesRun_JobConcurrentRunsExceededTwice_SucceedsOnTheThirdStart()
    {
        // The mock throws for invocations 0 and 1 and returns only for invocation 2: success means exactly three starts.
        var result = await StatesRunAsync("JobConcurrentRunsExceeded");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var output = JsonNode.Parse(result.Output)!;
        Assert.Equal(JobRunId, (string?)output["job"]!["jobRunId"]);
        Assert.Equal("SUCCEEDED", (string?)output["job"]!["state"]);
    }

    [Theory]
    [MemberData(nameof(TaskStates))]
    public async Task StatesRun_TaskThrowsServiceExceptionBeyondItsRetries_FailsWithTheOriginalError(string state)
    {
        var result = await StatesRunAsync(state + "ServiceException");

        AssertFailed(result, "Lambda.ServiceException", ServiceExceptionCause);
        AssertNotAlertedByTheDefinition();
    }

    [Theory]
    [MemberData(nameof(TaskStates))]
    public async Task StatesRun_TaskThrowsAnErrorNoRetrierNames_FailsWithTheOriginalError(string state)
    {
        var result = await StatesRunAsync(state + "EntityNotFound");

        AssertFailed(result, "EntityNotFoundException", NotFoundCause);
        AssertNotAlertedByTheDefinition();
    }

    [Fact]
    public async Task StatesRun_TaskErrorWithoutCause_FailsWithTheOriginalError()
    {
        var result = await StatesRunAsync("GetJobRunErrorWithoutCause");

        AssertFailed(result, "States.TaskFailed", null);
        AssertNotAlertedByTheDefinition();
    }

    [Fact]
    public async Task StatesRun_GlueJobRunFailed_FailsWithGlueJobFailedAndTheRunsMessage()
    {
        var result = await StatesRunAsync("GlueJobFailed");

        const string cause = $"job run {JobRunId} ended FAILED: raw/2026/11/25/purchases-0001.csv: header lacks column category";
        AssertFailed(result, "GlueJobFailed", cause);
        AssertNotAlertedByTheDefinition();
    }

    [Fact]
    public async Task StatesRun_DataQualityRulesBroken_FailsWithTheRuleNamesInTheCause()
    {
        var result = await StatesRunAsync("DataQualityFailed");

        const string cause = $"job run {JobRunId} broke rules: no_null_keys (2 offending), row_conservation (3 offending)";
        AssertFailed(result, "DataQualityCheckFailed", cause);
        AssertNotAlertedByTheDefinition();
    }

    [Fact]
    public async Task StatesRun_InputWithoutObjectKey_FailsWithInvalidExecutionInput()
    {
        var result = await StatesRunAsync("InvalidInput", Fixtures.EventWithoutKey);

        Assert.Equal(1, result.ExitCode);
        var printed = JsonNode.Parse(result.Output)!;
        Assert.Equal("InvalidExecutionInput", (string?)printed["error"]);
        var cause = (string)printed["cause"]!;
        Assert.StartsWith("expected an S3 Object Created event with detail.bucket.name and detail.object.key, got {", cause, StringComparison.Ordinal);
        Assert.Contains("\"etag\":\"9b2cf535f27731c974343645a3985328\"", cause, StringComparison.Ordinal);
        AssertNotAlertedByTheDefinition();
    }

    private Task<CliResult> StatesRunAsync(string testCase, string? input = null) => CliHarness.RunAsync(
        "states", "run", PipelineDefinition.File, "--input", "@" + (input ?? Fixtures.ObjectCreatedEvent),
        "--mock-config", Fixtures.MockConfig, "--test-case", testCase, "--wait-scale", "0", "--home", temp.Path);

    private static void AssertFailed(CliResult result, string error, string? cause)
    {
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        var printed = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(["error", "cause"], printed.Select(p => p.Key));
        Assert.Equal(error, (string?)printed["error"]);
        Assert.Equal(cause, (string?)printed["cause"]);
    }

    private void AssertNotAlertedByTheDefinition() => Assert.Empty(Alerts.Written(temp.Path));
}
