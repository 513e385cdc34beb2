using System.Text.Json.Nodes;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// <c>executions list --aws</c> and <c>rerun --aws</c> against Step Functions behind a fake endpoint: what they ask
/// for (state machine, status filter, pages, the earlier input) and what they print.
/// </summary>
public sealed class AwsExecutionsTests : IAsyncDisposable
{
    private const string StateMachine = "arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline";

    private readonly FakeAwsEndpoint aws = new() { Fallback = request => new ScriptedResponse(500, $"no route for {request.Operation}") };

    public ValueTask DisposeAsync() => aws.DisposeAsync();

    [Fact]
    public async Task ExecutionsListAws_TwoPages_ListsBothNewestFirstWithTheStatusFilter()
    {
        aws.On("AWSStepFunctions.ListExecutions", request => JsonNode.Parse(request.BodyText)!["nextToken"] is null
            ? ScriptedResponse.Ok(Page("t-2", ("run-3", "FAILED", 1_764_072_000.5, 1_764_072_042.0), ("run-2", "FAILED", 1_764_068_400, 1_764_068_460)))
            : ScriptedResponse.Ok(Page(null, ("run-1", "FAILED", 1_764_064_800, null))));

        var result = await CliHarness.RunAwsAsync(aws, null, "executions", "list", "--aws", "--state-machine-arn", StateMachine, "--status", "FAILED", "--json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var listed = JsonNode.Parse(result.Output)!.AsArray();
        Assert.Equal(["run-3", "run-2", "run-1"], listed.Select(e => (string?)e!["name"]));
        Assert.Equal("2025-11-25T12:00:00.5000000+00:00", (string?)listed[0]!["startDate"]);
        Assert.Null((string?)listed[2]!["stopDate"]);
        var requests = aws.Calls("AWSStepFunctions.ListExecutions").Select(r => JsonNode.Parse(r.BodyText)!).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(StateMachine, (string?)r["stateMachineArn"]));
        Assert.All(requests, r => Assert.Equal("FAILED", (string?)r["statusFilter"]));
        Assert.Equal("t-2", (string?)requests[1]["nextToken"]);
    }

    [Fact]
    public async Task ExecutionsListAws_MaxReachedOnFirstPage_StopsPagingAndShowsATable()
    {
        aws.On("AWSStepFunctions.ListExecutions", _ => ScriptedResponse.Ok(Page("t-2", ("run-3", "SUCCEEDED", 1_764_072_000, 1_764_072_042), ("run-2", "RUNNING", 1_764_068_400, null))));

        var result = await CliHarness.RunAwsAsync(aws, null, "executions", "list", "--aws", "--state-machine-arn", StateMachine, "--max", "1");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Single(aws.Calls("AWSStepFunctions.ListExecutions"));
        Assert.Contains("run-3", result.Output, StringComparison.Ordinal);
        Assert.Contains("42.00s", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("run-2", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionsListAws_MaxZero_ExitsTwoAndCallsNothing()
    {
        var result = await CliHarness.RunAwsAsync(aws, null, "executions", "list", "--aws", "--state-machine-arn", StateMachine, "--max", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--max must be at least 1", result.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task ExecutionsListAws_WithoutRegion_ExitsTwoNamingTheVariable()
    {
        var result = await CliHarness.RunAwsAsync(aws, new Dictionary<string, string> { ["AWS_REGION"] = " " }, "executions", "list", "--aws", "--state-machine-arn", StateMachine);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AWS_REGION", result.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task ExecutionsListAws_NotAStateMachineArn_ExitsTwo()
    {
        var result = await CliHarness.RunAwsAsync(aws, null, "executions", "list", "--aws", "--state-machine-arn", "purchase-pipeline");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--state-machine-arn arn:aws:states:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionsShowAws_FailedExecution_ShowsItsErrorCauseAndObject()
    {
        aws.On("AWSStepFunctions.DescribeExecution", _ => ScriptedResponse.Ok(Described("run-2", "FAILED", output: null,
            error: "GlueJobFailed", cause: "job run jr_1 ended FAILED: raw/2026/11/25/a.csv: header lacks column user_id")));

        var result = await CliHarness.RunAwsAsync(aws, null, "executions", "show", "run-2", "--aws", "--state-machine-arn", StateMachine, "--json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var shown = JsonNode.Parse(result.Output)!;
        Assert.Equal("FAILED", (string?)shown["status"]);
        Assert.Equal("GlueJobFailed", (string?)shown["error"]);
        Assert.Contains("header lacks column user_id", (string?)shown["cause"], StringComparison.Ordinal);
        Assert.Equal("raw/2026/11/25/a.csv", (string?)shown["object"]);
        var describe = JsonNode.Parse(Assert.Single(aws.Calls("AWSStepFunctions.DescribeExecution")).BodyText)!;
        Assert.Equal("arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:run-2", (string?)describe["executionArn"]);
    }

    [Fact]
    public async Task ExecutionsShowAws_RedrivenExecution_ShowsItsRedriveCountDateAndStatus()
    {
        var described = JsonNode.Parse(Described("run-4", "FAILED", output: null, error: "GlueJobFailed", cause: "…"))!.AsObject();
        described["redriveCount"] = 2;
        described["redriveDate"] = 1_764_072_000;
        described["redriveStatus"] = "REDRIVABLE";
        aws.On("AWSStepFunctions.DescribeExecution", _ => ScriptedResponse.Ok(described.ToJsonString()));

        var table = await CliHarness.RunAwsAsync(aws, null, "executions", "show", "run-4", "--aws", "--state-machine-arn", StateMachine);
        var json = await CliHarness.RunAwsAsync(aws, null, "executions", "show", "run-4", "--aws", "--state-machine-arn", StateMachine, "--json");

        Assert.True(table.ExitCode == 0, table.Output + table.Error);
        Assert.Contains("Redrives       2, last 2025-11-25 12:00:00", table.Output, StringComparison.Ordinal);
        Assert.Contains("REDRIVABLE", table.Output, StringComparison.Ordinal);
        var shown = JsonNode.Parse(json.Output)!;
        Assert.Equal((2, "REDRIVABLE"), ((int?)shown["redriveCount"], (string?)shown["redriveStatus"]));
    }

    [Fact]
    public async Task ExecutionsShowAws_SucceededExecution_TableShowsTheManifestsCounts()
    {
        const string output = """{"job":{"jobRunId":"jr_1","manifest":{"run_id":"jr_1","rows_in":100,"rows_clean":90,"rows_rejected":8,"rows_deduplicated":2}}}""";
        aws.On("AWSStepFunctions.DescribeExecution", _ => ScriptedResponse.Ok(Described("run-3", "SUCCEEDED", output, error: null, cause: null)));

        var result = await CliHarness.RunAwsAsync(aws, null, "executions", "show", "run-3", "--aws", "--state-machine-arn", StateMachine);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("SUCCEEDED", result.Output, StringComparison.Ordinal);
        Assert.Contains("rows_in 100, clean 90, rejected 8, deduplicated 2", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunAws_ByNameWithResetBookmark_StartsTheStateMachineWithTheEarlierInputAndTheReset()
    {
        aws.On("AWSStepFunctions.DescribeExecution", _ => ScriptedResponse.Ok(Described("run-1", "FAILED", output: null, error: "GlueJobFailed", cause: "…")));
        aws.On("AWSStepFunctions.StartExecution", _ => ScriptedResponse.Ok("""{"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:new-1","startDate":1764072000}"""));

        var result = await CliHarness.RunAwsAsync(aws, null, "rerun", "run-1", "--aws", "--state-machine-arn", StateMachine, "--reset-bookmark");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var describe = JsonNode.Parse(Assert.Single(aws.Calls("AWSStepFunctions.DescribeExecution")).BodyText)!;
        Assert.Equal("arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:run-1", (string?)describe["executionArn"]);
        var start = JsonNode.Parse(Assert.Single(aws.Calls("AWSStepFunctions.StartExecution")).BodyText)!;
        Assert.Equal(StateMachine, (string?)start["stateMachineArn"]);
        var input = JsonNode.Parse((string)start["input"]!)!;
        Assert.Equal("raw/2026/11/25/a.csv", (string?)input["detail"]!["object"]!["key"]);
        Assert.True((bool)input["rerun"]!["resetBookmark"]!);
        Assert.Contains("started arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:new-1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunAws_UnknownExecution_ExitsOneWithTheServicesMessageAndStartsNothing()
    {
        aws.On("AWSStepFunctions.DescribeExecution", _ => ScriptedResponse.Error(400, "ExecutionDoesNotExist", "Execution Does Not Exist: 'arn:…:run-9'"));

        var result = await CliHarness.RunAwsAsync(aws, null, "rerun", "run-9", "--aws", "--state-machine-arn", StateMachine);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Execution Does Not Exist", result.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Calls("AWSStepFunctions.StartExecution"));
    }

    [Fact]
    public async Task RerunAwsRedrive_ByName_CallsRedriveExecutionOnTheExecutionAndStartsNothing()
    {
        aws.On("AWSStepFunctions.RedriveExecution", _ => ScriptedResponse.Ok("""{"redriveDate":1764072000}"""));

        var result = await CliHarness.RunAwsAsync(aws, null, "rerun", "run-1", "--redrive", "--aws", "--state-machine-arn", StateMachine);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var redrive = Assert.Single(aws.Calls("AWSStepFunctions.RedriveExecution"));
        var body = JsonNode.Parse(redrive.BodyText)!;
        Assert.Equal("arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:run-1", (string?)body["executionArn"]);
        Assert.False(string.IsNullOrEmpty((string?)body["clientToken"]));
        Assert.Empty(aws.Calls("AWSStepFunctions.StartExecution"));
        Assert.Contains("redriven arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:run-1 at 2025-11-25T12:00:00Z", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunAwsRedrive_NotRedrivable_ExitsOneWithStepFunctionsReasonInOneLine()
    {
        aws.On("AWSStepFunctions.RedriveExecution", _ => ScriptedResponse.Error(400, "ExecutionNotRedrivable", "Execution is SUCCEEDED and cannot be redriven"));

        var result = await CliHarness.RunAwsAsync(aws, null, "rerun", "run-1", "--redrive", "--aws", "--state-machine-arn", StateMachine);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("ExecutionNotRedrivable", result.Error, StringComparison.Ordinal);
        Assert.Contains("Execution is SUCCEEDED and cannot be redriven", result.Error, StringComparison.Ordinal);
    }

    private static string Described(string name, string status, string? output, string? error, string? cause) => new JsonObject
    {
        ["executionArn"] = $"arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:{name}",
        ["stateMachineArn"] = StateMachine,
        ["name"] = name,
        ["status"] = status,
        ["startDate"] = 1_764_064_800,
        ["stopDate"] = 1_764_064_860,
        ["input"] = """{"detail":{"bucket":{"name":"raw-bucket"},"object":{"key":"raw/2026/11/25/a.csv"}}}""",
        ["output"] = output,
        ["error"] = error,
        ["cause"] = cause,
    }.ToJsonString();

    private static string Page(string? nextToken, params (string Name, string Status, double Start, double? Stop)[] executions) => new JsonObject
    {
        ["executions"] = new JsonArray([.. executions.Select(e => (JsonNode)new JsonObject
        {
            ["executionArn"] = $"arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:{e.Name}",
            ["stateMachineArn"] = StateMachine,
            ["name"] = e.Name,
            ["status"] = e.Status,
            ["startDate"] = e.Start,
            ["stopDate"] = e.Stop,
        })]),
        ["nextToken"] = nextToken,
    }.ToJsonString();
}
