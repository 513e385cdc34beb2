using PurchasePipeline.Functions;
using System.Text.RegularExpressions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Transform;

/// <summary>The reject rules of glue/sql/01_typed_purchases.sql, run by the local job, against RejectReason.</summary>
public sealed partial class RejectReasonTests : IDisposable
{
    private const string Key = "raw/2024/05/01/a.csv";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public RejectReasonTests() => home = new LocalHome(temp.Path);

    public static TheoryData<string> Reasons => [.. RejectReason.All];

    /// <summary>Each reason with the one after it: a row breaking both must get the first.</summary>
    public static TheoryData<string, string> AdjacentReasons
    {
        get
        {
            var pairs = new TheoryData<string, string>();
            foreach (var (earlier, later) in RejectReason.All.Zip(RejectReason.All.Skip(1)))
            {
                pairs.Add(earlier, later);
            }

            return pairs;
        }
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Run_RowBreakingOneRule_RejectedWithThatReasonWhereItCameFromAndItsRawText(string reason)
    {
        var dirty = Some.Row(2).Break(reason);
        Some.Land(home, Key, Some.Csv([Some.Row(1), dirty, Some.Row(3)]));

        var manifest = CreateSut().Run();

        var rejected = LakeQuery.Single(home, "SELECT * FROM rejected_purchases");
        Assert.Equal(reason, rejected["reject_reason"]);
        Assert.Equal(Key, rejected["source_file"]);
        Assert.Equal(2L, rejected["source_row"]);
        Assert.Equal(manifest.RunId, rejected["run_id"]);
        Assert.All(PurchaseSchema.ColumnNames, c => Assert.Equal(dirty[c], rejected[c]));
        Assert.Equal(dirty.GetValueOrDefault(Some.ExtraFields), rejected["extra_fields"]);
        Assert.Equal(1, Assert.Single(manifest.RejectedByReason, r => r.Key == reason).Value);
        Assert.Equal(2, manifest.RowsClean);
    }

    [Theory]
    [MemberData(nameof(AdjacentReasons))]
    public void Run_RowBreakingTwoRules_GetsTheEarlierReason(string earlier, string later)
    {
        Some.Land(home, Key, Some.Csv([Some.Row(1).Break(later).Break(earlier)]));

        CreateSut().Run();

        Assert.Equal(earlier, LakeQuery.Scalar(home, "SELECT reject_reason FROM rejected_purchases"));
    }

    [Fact]
    public void All_ComparedWithTheTransformSql_NamesTheSameReasonsInTheSameOrder()
    {
        var sql = File.ReadAllText(RepoPaths.Combine("glue", "sql", "01_typed_purchases.sql"));

        var literals = ThenLiteral().Matches(sql).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(RejectReason.All, literals);
    }

    [GeneratedRegex(@"\bTHEN\s+'([^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex ThenLiteral();

    private LocalEtlJob CreateSut() => new(home, TimeProvider.System, new ValidationRuleFiles());
}
