using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class GetValidationResultTaskTests
{
    private static readonly ValidationQuery[] Started =
    [
        new("no_duplicate_purchase_ids", "q-1"),
        new("no_null_keys", "q-2"),
        new("row_conservation", "q-3"),
    ];

    private readonly FakeQueryService queries = new();

    [Fact]
    public async Task RunAsync_AllRulesZero_SucceededAndPassed()
    {
        var result = await RunAsync(poll: 2);

        Assert.Equal("SUCCEEDED", result.State);
        Assert.True(result.Passed);
        Assert.Empty(result.FailedRules!);
        Assert.Equal([new RuleOutcome("no_duplicate_purchase_ids", 0), new RuleOutcome("no_null_keys", 0), new RuleOutcome("row_conservation", 0)], result.Rules!);
        Assert.Null(result.Cause);
    }

    [Fact]
    public async Task RunAsync_RulesFoundOffendingRows_NotPassedWithTheRulesAndCountsInTheCause()
    {
        queries.SetOffending("q-2", 1).SetOffending("q-3", 3);

        var result = await RunAsync(poll: 1);

        Assert.Equal("SUCCEEDED", result.State);
        Assert.False(result.Passed);
        Assert.Equal(["no_null_keys", "row_conservation"], result.FailedRules!);
        Assert.Equal("no_null_keys (1 offending), row_conservation (3 offending)", result.Cause);
        Assert.Equal(3, result.Rules![2].Offending);
    }

    [Fact]
    public async Task RunAsync_CauseListsBrokenRulesInQueryOrder()
    {
        ValidationQuery[] started = [new("row_conservation", "q-1"), new("no_null_keys", "q-2")];
        queries.SetOffending("q-1", 3).SetOffending("q-2", 1);

        var result = await CreateSut().RunAsync(new GetValidationResultRequest("jr_0001", started, 1), CancellationToken.None);

        Assert.Equal("row_conservation (3 offending), no_null_keys (1 offending)", result.Cause);
    }

    [Theory]
    [InlineData("QUEUED")]
    [InlineData("RUNNING")]
    public async Task RunAsync_AQueryUnfinished_RunningWithoutReadingResults(string state)
    {
        queries.SetState("q-2", state);

        var result = await RunAsync(poll: 5);

        Assert.Equal("RUNNING", result.State);
        Assert.Null(result.Passed);
        Assert.Null(result.FailedRules);
        Assert.Null(result.Rules);
        Assert.Null(result.Cause);
        Assert.Empty(queries.ResultsRead);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("CANCELLED")]
    public async Task RunAsync_AQueryFailedOrCancelled_FailedWithTheQuerysReasonEvenWhileOthersRun(string state)
    {
        queries.SetState("q-1", "RUNNING").SetState("q-3", state, "TABLE_NOT_FOUND: line 1:1: Table 'run_manifests' does not exist");

        var result = await RunAsync(poll: 1);

        Assert.Equal("FAILED", result.State);
        Assert.Equal($"row_conservation: query q-3 {state}: TABLE_NOT_FOUND: line 1:1: Table 'run_manifests' does not exist", result.Cause);
        Assert.Null(result.Passed);
        Assert.Empty(queries.ResultsRead);
    }

    [Fact]
    public async Task RunAsync_QueryFailedWithoutReason_CauseSaysSo()
    {
        queries.SetState("q-1", "FAILED");

        var result = await RunAsync(poll: 1);

        Assert.Equal("no_duplicate_purchase_ids: query q-1 FAILED: no reason given", result.Cause);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2")]
    [InlineData("1.5")]
    [InlineData(null)]
    public async Task RunAsync_RuleReturnsSomethingOtherThanOneCount_FailedNamingTheRule(string? cells)
    {
        queries.SetRows("q-2", cells is null ? new string?[] { null } : cells.Split(','));

        var result = await RunAsync(poll: 1);

        Assert.Equal("FAILED", result.State);
        Assert.StartsWith("no_null_keys: query q-2 returned [", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RuleReturnsNoRow_FailedNamingTheRule()
    {
        queries.SetRows("q-1");

        var result = await RunAsync(poll: 1);

        Assert.Equal("no_duplicate_purchase_ids: query q-1 returned 0 rows; a rule returns one row with one integer column, offending", result.Cause);
    }

    [Fact]
    public async Task RunAsync_AnyState_EchoesValidationIdQueriesAndPoll()
    {
        queries.SetState("q-1", "RUNNING");

        var result = await RunAsync(poll: 7);

        Assert.Equal("jr_0001", result.ValidationId);
        Assert.Equal(Started, result.Queries);
        Assert.Equal(7, result.Poll);
    }

    [Fact]
    public async Task RunAsync_NoQueries_ThrowsInvalidTaskInput()
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new GetValidationResultRequest("jr_0001", [], 1), CancellationToken.None));

        Assert.Equal("$.queries", error.Field);
    }

    [Fact]
    public async Task RunAsync_AQueryWithoutId_ThrowsInvalidTaskInputNamingItsPath()
    {
        ValidationQuery[] started = [new("no_null_keys", "q-1"), new("row_conservation", "")];

        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new GetValidationResultRequest("jr_0001", started, 1), CancellationToken.None));

        Assert.Equal("$.queries[1].queryId", error.Field);
    }

    [Theory]
    [InlineData(null, 1, "$.validationId")]
    [InlineData("jr_0001", null, "$.poll")]
    public async Task RunAsync_RequiredFieldMissing_ThrowsInvalidTaskInputNamingIt(string? validationId, int? poll, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new GetValidationResultRequest(validationId, Started, poll), CancellationToken.None));

        Assert.Equal(field, error.Field);
    }

    private Task<ValidationResult> RunAsync(int poll) =>
        CreateSut().RunAsync(new GetValidationResultRequest("jr_0001", Started, poll), CancellationToken.None);

    private GetValidationResultTask CreateSut() => new(queries);
}
