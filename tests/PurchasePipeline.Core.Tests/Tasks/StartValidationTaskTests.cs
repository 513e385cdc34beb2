using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class StartValidationTaskTests
{
    private readonly FakeQueryService queries = new();
    private readonly FakeValidationRules rules = new("no_null_keys", "row_conservation");

    [Fact]
    public async Task RunAsync_StartsOneQueryPerRuleWithTheJobRunIdAsItsOnlyParameter()
    {
        await CreateSut().RunAsync(new StartValidationRequest("jr_0001"), CancellationToken.None);

        Assert.Equal([rules.Rules[0].Sql, rules.Rules[1].Sql], queries.Started.Select(q => q.Sql));
        Assert.All(queries.Started, q => Assert.Equal(["jr_0001"], q.Parameters));
    }

    [Fact]
    public async Task RunAsync_RulesStarted_ListsEachRulesQueryUnderTheJobRunIdAsValidationId()
    {
        var result = await CreateSut().RunAsync(new StartValidationRequest("jr_0001"), CancellationToken.None);

        Assert.Equal("jr_0001", result.ValidationId);
        Assert.Equal([new ValidationQuery("no_null_keys", "q-1"), new ValidationQuery("row_conservation", "q-2")], result.Queries);
        Assert.Equal("RUNNING", result.State);
        Assert.Equal(0, result.Poll);
        Assert.Null(result.Passed);
        Assert.Null(result.FailedRules);
        Assert.Null(result.Rules);
        Assert.Null(result.Cause);
    }

    [Fact]
    public async Task RunAsync_NoJobRunId_ThrowsInvalidTaskInputNamingTheField()
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(() => CreateSut().RunAsync(new StartValidationRequest(null), CancellationToken.None));

        Assert.Equal("$.jobRunId", error.Field);
        Assert.Empty(queries.Started);
    }

    private StartValidationTask CreateSut() => new(queries, rules);
}
