using PurchasePipeline.Core.Runs;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.Functions;
using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Validation;

/// <summary>
/// The glue/validation rules over a committed run, and over the same run with its lake damaged, run as the
/// pipeline runs them: the StartValidation and GetValidationResult tasks on the local plane's ports.
/// </summary>
public sealed class ValidationRulesTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;
    private readonly RunManifest run;

    public ValidationRulesTests()
    {
        home = new LocalHome(temp.Path);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv(
        [
            Some.Row(1), Some.Row(2), Some.Row(3), Some.Row(4, "2024-05-02"),
            Some.Row(5).With("cost_price", "abc"), Some.Row(1),
        ]));
        run = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Validate_AfterAGoodRun_RunsEveryRuleOfGlueValidationAndAllPass()
    {
        var report = await ValidateAsync(run.RunId);

        var rules = Directory.GetFiles(RepoPaths.Combine("glue", "validation"), "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(rules, report.Rules!.Select(r => r.Rule).Order(StringComparer.Ordinal));
        Assert.All(report.Rules!, r => Assert.Equal(0, r.Offending));
        Assert.True(report.Passed);
        Assert.Equal(run.RunId, report.ValidationId);
    }

    [Fact]
    public async Task Validate_ManifestRowsInOff_RowConservationReportsTheGap()
    {
        LakeEdits.EditManifest(home, run.RunId, m => m with { RowsIn = m.RowsIn + 5 });

        Assert.Equal(await ExpectedAsync(("row_conservation", 5)), await OffendingAsync(run.RunId));
    }

    [Fact]
    public async Task Validate_CleanRowWithNullUserId_NoNullKeysFails()
    {
        var file = Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01"));
        LakeEdits.RewriteParquet(file, "SELECT * REPLACE (CASE WHEN source_row = 2 THEN NULL ELSE user_id END AS user_id) FROM f");

        Assert.Equal(await ExpectedAsync(("no_null_keys", 1)), await OffendingAsync(run.RunId));
    }

    [Theory]
    [InlineData("cost_price")]
    [InlineData("selling_price")]
    [InlineData("discount")]
    [InlineData("net_revenue")]
    public async Task Validate_CleanRowWithNegativeAmount_NoNegativeAmountsFails(string column)
    {
        var file = Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01"));
        LakeEdits.RewriteParquet(file, $"SELECT * REPLACE (CASE WHEN source_row = 2 THEN -{column} ELSE {column} END AS {column}) FROM f");

        Assert.Equal(await ExpectedAsync(("no_negative_amounts", 1)), await OffendingAsync(run.RunId));
    }

    [Fact]
    public async Task Validate_PurchasesAddedAgainToTheRunsPartition_NoDuplicatePurchaseIdsFails()
    {
        var file = Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01"));
        LakeEdits.CopyParquet(file, file.Replace("part-", "part-copy-", StringComparison.Ordinal), "SELECT * REPLACE ('jr_other' AS run_id) FROM f");

        Assert.Equal(await ExpectedAsync(("no_duplicate_purchase_ids", 3)), await OffendingAsync(run.RunId));
    }

    [Fact]
    public async Task Validate_CleanPartitionFileDeleted_RunPartitionsExistAndRowConservationFail()
    {
        File.Delete(Assert.Single(LakeEdits.CleanFiles(home, "2024-05-02")));

        Assert.Equal(await ExpectedAsync(("run_partitions_exist", 1), ("row_conservation", 2)), await OffendingAsync(run.RunId));
    }

    [Fact]
    public async Task Validate_ManifestClaimsAPartitionWithoutRows_RunPartitionsExistFails()
    {
        LakeEdits.EditManifest(home, run.RunId, m => m with { Partitions = [.. m.Partitions, new PartitionCount(new DateOnly(2024, 6, 1), 4)] });

        Assert.Equal(await ExpectedAsync(("run_partitions_exist", 1)), await OffendingAsync(run.RunId));
    }

    [Fact]
    public async Task Validate_ManifestCountsOneRowMoreInAPartitionThanTheRunWroteThere_RunPartitionsExistFails()
    {
        LakeEdits.EditManifest(home, run.RunId, m => m with
        {
            Partitions = [.. m.Partitions.Select(p => p.PurchaseDate == new DateOnly(2024, 5, 1) ? p with { RowCount = p.RowCount + 1 } : p)],
        });

        Assert.Equal(await ExpectedAsync(("run_partitions_exist", 1)), await OffendingAsync(run.RunId));
    }

    [Fact]
    public async Task Validate_RunWithoutManifest_RowConservationFails()
    {
        Assert.Equal(await ExpectedAsync(("row_conservation", 1)), await OffendingAsync("jr_20240501T000000_00000000"));
    }

    [Fact]
    public async Task Validate_ManifestDeleted_RowConservationFails()
    {
        File.Delete(Path.Combine(home.Manifests, run.RunId + ".json"));

        var report = await ValidateAsync(run.RunId);

        Assert.Equal(["row_conservation"], report.FailedRules);
    }

    [Fact]
    public async Task Validate_ACommittedRun_OneDatabaseReadingOnlyThatRunsFiles()
    {
        Some.Land(home, "raw/2024/05/03/b.csv", Some.Csv([Some.Row(7, "2024-05-03"), Some.Row(8, "2024-05-03").With("discount", "-1")]));
        var second = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();
        // Every file of the first run made unreadable: validating the second must not open any of them.
        foreach (var file in LakeEdits.CleanFiles(home, "2024-05-01").Concat(LakeEdits.CleanFiles(home, "2024-05-02"))
            .Concat(Directory.GetFiles(Path.Combine(home.RejectedPurchases, "run_id=" + run.RunId))))
        {
            File.WriteAllText(file, "not parquet");
        }

        File.WriteAllText(Path.Combine(home.Manifests, run.RunId + ".json"), "not json");
        var opened = 0;
        var queries = new LocalQueryService(home, new DuckMemory(home), () => opened++);

        var report = await ValidateAsync(second.RunId, queries);

        Assert.Equal(1, opened);
        Assert.True(report.Passed, string.Join(", ", report.Rules!.Select(r => $"{r.Rule}={r.Offending}")));
        Assert.Equal(5, report.Rules!.Count);
    }

    /// <summary>Starts the rules' queries, then reads their results: the local query service answers a query when it starts, so one poll ends it.</summary>
    private async Task<ValidationResult> ValidateAsync(string runId, LocalQueryService? queries = null)
    {
        var ports = LocalPorts.Create(home, TimeProvider.System, new ValidationRuleFiles());
        var query = queries ?? ports.Query;
        var started = await new StartValidationTask(query, ports.ValidationRules).RunAsync(new StartValidationRequest(runId), CancellationToken.None);
        var result = await new GetValidationResultTask(query).RunAsync(new GetValidationResultRequest(started.ValidationId, started.Queries, Poll: 1), CancellationToken.None);
        Assert.Equal(TaskStates.ValidationSucceeded, result.State);
        return result;
    }

    private async Task<Dictionary<string, long>> OffendingAsync(string runId) =>
        (await ValidateAsync(runId)).Rules!.ToDictionary(r => r.Rule, r => r.Offending, StringComparer.Ordinal);

    /// <summary>Every rule at 0 except the given ones.</summary>
    private async Task<Dictionary<string, long>> ExpectedAsync(params (string Rule, long Count)[] failing)
    {
        var expected = (await OffendingAsync(run.RunId)).Keys.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
        foreach (var (rule, count) in failing)
        {
            expected[rule] = count;
        }

        return expected;
    }
}
