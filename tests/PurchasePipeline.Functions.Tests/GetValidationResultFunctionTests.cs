using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class GetValidationResultFunctionTests
{
    private readonly FakeQueryService queries = new();

    [Fact]
    public async Task HandleAsync_AllRulesClean_WritesPassedAndEveryRulesCount()
    {
        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetValidationResult");

        Assert.Equal("SUCCEEDED", (string?)output["state"]);
        Assert.True((bool?)output["passed"]);
        Assert.Equal("[]", output["failedRules"]!.ToJsonString());
        Assert.Equal("""{"rule":"row_conservation","offending":0}""", output["rules"]![3]!.ToJsonString());
        Json.AssertNull(output, "cause");
        Assert.Equal(1, (int?)output["poll"]);
    }

    [Fact]
    public async Task HandleAsync_RulesBroken_WritesTheCauseTheAlertQuotes()
    {
        queries.SetOffending("q-3", 1).SetOffending("q-4", 3);

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetValidationResult");

        Assert.False((bool?)output["passed"]);
        Assert.Equal("""["no_null_keys","row_conservation"]""", output["failedRules"]!.ToJsonString());
        Assert.Equal("no_null_keys (1 offending), row_conservation (3 offending)", (string?)output["cause"]);
    }

    [Fact]
    public async Task HandleAsync_QueryFailed_WritesFailedWithTheReason()
    {
        queries.SetState("q-5", "FAILED", "SYNTAX_ERROR: line 3:8: Column 'purchase_date' cannot be resolved");

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetValidationResult");

        Assert.Equal("FAILED", (string?)output["state"]);
        Assert.Equal("run_partitions_exist: query q-5 FAILED: SYNTAX_ERROR: line 3:8: Column 'purchase_date' cannot be resolved", (string?)output["cause"]);
        Json.AssertNull(output, "passed");
    }

    [Fact]
    public async Task HandleAsync_QueryStillRunning_WritesRunningAndHandsTheQueriesBack()
    {
        queries.SetState("q-2", "RUNNING");

        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "GetValidationResult");

        Assert.Equal("RUNNING", (string?)output["state"]);
        Assert.Equal(Events.Read("GetValidationResult")["queries"]!.ToJsonString(), output["queries"]!.ToJsonString());
        Assert.Equal((string?)Events.Read("GetValidationResult")["validationId"], (string?)output["validationId"]);
    }

    private GetValidationResultFunction CreateSut() => new(new FunctionHarness { Query = queries }.Ports);
}
