using PurchasePipeline.Functions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>Regressions found by reading the SQL against Spark's behaviour (Glue job review).</summary>
public sealed class SqlRegressionTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public SqlRegressionTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_Hour24_IsRejectedAsInvalidTimestamp()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1).With("timestamp", "2024-05-01 24:00:00")]));

        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();

        Assert.Equal(1, manifest.RejectedByReason[RejectReason.InvalidTimestamp]);
    }

    [Fact]
    public void Run_CostPriceBeyondTenDigits_IsRejectedInsteadOfOverflowingMargin()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([
            Some.Row(1).With("cost_price", "99999999999").With("selling_price", "1.00").With("discount", "0"),
            Some.Row(2).With("cost_price", "9999999999").With("selling_price", "1.00").With("discount", "0"),
        ]));

        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();

        Assert.Equal(1, manifest.RejectedByReason[RejectReason.InvalidCostPrice]);
        Assert.Equal(-9999999998.00m, LakeQuery.Decimal(home, "SELECT margin FROM clean_purchases"));
    }
}
