using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Validation;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Validation;

/// <summary>The glue/validation rules over a committed run, and over the same run with its lake damaged.</summary>
public sealed class LocalValidatorTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;
    private readonly RunManifest run;

    public LocalValidatorTests()
    {
        home = new LocalHome(temp.Path);
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv(
        [
            Some.Row(1), Some.Row(2), Some.Row(3), Some.Row(4, "2024-05-02"),
            Some.Row(5).With("cost_price", "abc"), Some.Row(1),
        ]));
        run = new LocalEtlJob(home, TimeProvider.System).Run();
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Validate_AfterAGoodRun_RunsEveryRuleOfGlueValidationAndAllPass()
    {
        var report = CreateSut().Validate(run.RunId);

        var rules = Directory.GetFiles(RepoPaths.Combine("glue", "validation"), "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(rules, report.Rules.Select(r => r.Rule).Order(StringComparer.Ordinal));
        Assert.All(report.Rules, r => Assert.Equal(0, r.Offending));
        Assert.True(report.Passed);
        Assert.Equal(run.RunId, report.RunId);
    }

    [Fact]
    public void Validate_ManifestRowsInOff_RowConservationReportsTheGap()
    {
        LakeEdits.EditManifest(home, run.RunId, m => m with { RowsIn = m.RowsIn + 5 });

        Assert.Equal(Offending(("row_conservation", 5)), Validate(run.RunId));
    }

    [Fact]
    public void Validate_CleanRowWithNullUserId_NoNullKeysFails()
    {
        var file = Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01"));
        LakeEdits.RewriteParquet(file, "SELECT * REPLACE (CASE WHEN source_row = 2 THEN NULL ELSE user_id END AS user_id) FROM f");

        Assert.Equal(Offending(("no_null_keys", 1)), Validate(run.RunId));
    }

    [Theory]
    [InlineData("cost_price")]
    [InlineData("selling_price")]
    [InlineData("discount")]
    [InlineData("net_revenue")]
    public void Validate_CleanRowWithNegativeAmount_NoNegativeAmountsFails(string column)
    {
        var file = Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01"));
        LakeEdits.RewriteParquet(file, $"SELECT * REPLACE (CASE WHEN source_row = 2 THEN -{column} ELSE {column} END AS {column}) FROM f");

        Assert.Equal(Offending(("no_negative_amounts", 1)), Validate(run.RunId));
    }

    [Fact]
    public void Validate_PurchasesAddedAgainToTheRunsPartition_NoDuplicatePurchaseIdsFails()
    {
        var file = Assert.Single(LakeEdits.CleanFiles(home, "2024-05-01"));
        LakeEdits.CopyParquet(file, file.Replace("part-", "part-copy-", StringComparison.Ordinal), "SELECT * REPLACE ('jr_other' AS run_id) FROM f");

        Assert.Equal(Offending(("no_duplicate_purchase_ids", 3)), Validate(run.RunId));
    }

    [Fact]
    public void Validate_CleanPartitionFileDeleted_RunPartitionsExistAndRowConservationFail()
    {
        File.Delete(Assert.Single(LakeEdits.CleanFiles(home, "2024-05-02")));

        Assert.Equal(Offending(("run_partitions_exist", 1), ("row_conservation", 2)), Validate(run.RunId));
    }

    [Fact]
    public void Validate_ManifestClaimsAPartitionWithoutRows_RunPartitionsExistFails()
    {
        LakeEdits.EditManifest(home, run.RunId, m => m with { Partitions = [.. m.Partitions, new PartitionCount(new DateOnly(2024, 6, 1), 4)] });

        Assert.Equal(Offending(("run_partitions_exist", 1)), Validate(run.RunId));
    }

    [Fact]
    public void Validate_RunWithoutManifest_RowConservationFails()
    {
        Assert.Equal(Offending(("row_conservation", 1)), Validate("jr_20240501T000000_00000000"));
    }

    [Fact]
    public void Validate_ManifestDeleted_RowConservationFails()
    {
        File.Delete(Path.Combine(home.Manifests, run.RunId + ".json"));

        var report = CreateSut().Validate(run.RunId);

        Assert.Equal(["row_conservation"], report.FailedRules);
    }

    private Dictionary<string, long> Validate(string runId) =>
        CreateSut().Validate(runId).Rules.ToDictionary(r => r.Rule, r => r.Offending, StringComparer.Ordinal);

    /// <summary>Every rule at 0 except the given ones.</summary>
    private Dictionary<string, long> Offending(params (string Rule, long Count)[] failing)
    {
        var expected = Validate(run.RunId).Keys.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
        foreach (var (rule, count) in failing)
        {
            expected[rule] = count;
        }

        return expected;
    }

    private LocalValidator CreateSut() => new(home);
}
