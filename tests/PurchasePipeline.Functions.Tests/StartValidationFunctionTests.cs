using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class StartValidationFunctionTests
{
    private const string RunId = "jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e";

    private readonly FakeQueryService queries = new();

    [Fact]
    public async Task HandleAsync_ShippedRules_StartsEachGlueValidationFileWithTheJobRunId()
    {
        await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartValidation");

        var files = Directory.GetFiles(RepoPaths.Combine("glue", "validation"), "*.sql").Order(StringComparer.Ordinal);
        Assert.Equal(files.Select(File.ReadAllText), queries.Started.Select(q => q.Sql));
        Assert.All(queries.Started, q => Assert.Equal(Enumerable.Repeat(RunId, q.Sql.Count(c => c == '?')), q.Parameters));
        Assert.Equal([RunId, RunId], queries.Started.Single(q => q.Sql.Contains("rejected_purchases", StringComparison.Ordinal)).Parameters);
    }

    [Fact]
    public async Task HandleAsync_RulesStarted_WritesQueriesPerRuleAndNullOutcome()
    {
        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "StartValidation");

        Assert.Equal(RunId, (string?)output["validationId"]);
        Assert.Equal("""{"rule":"no_duplicate_purchase_ids","queryId":"q-1"}""", output["queries"]![0]!.ToJsonString());
        Assert.Equal(5, output["queries"]!.AsArray().Count);
        Assert.Equal("RUNNING", (string?)output["state"]);
        Assert.Equal(0, (int?)output["poll"]);
        foreach (var field in new[] { "passed", "failedRules", "rules", "cause" })
        {
            Json.AssertNull(output, field);
        }
    }

    private StartValidationFunction CreateSut() => new(new FunctionHarness { Query = queries }.Ports);
}
