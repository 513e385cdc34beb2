using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Dirty;
using PurchasePipeline.Generator.Rows;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class DirtyRowTests
{
    [Fact]
    public void Next_HighDirtyRate_EveryDirtyKindAndEveryRejectReasonAppears()
    {
        var rows = Generated.Batches(Some.Options() with { Rows = 2000, DirtyRate = 0.6 }).SelectMany(b => b.Rows).ToList();

        Assert.Equal(Enum.GetValues<DirtyKind>(), rows.Where(r => r.Kind is not null).Select(r => r.Kind!.Value).Distinct().Order());
        var reasons = rows.Where(r => r.Outcome.Status == RowStatus.Rejected).Select(r => r.Outcome.RejectReason!).ToHashSet();
        Assert.Equal(RejectReason.All.ToHashSet(), reasons);
    }

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.JsonLines)]
    public async Task RunAsync_HighDirtyRate_SummaryMatchesIndependentReclassificationOfTheFiles(OutputFormat format)
    {
        var (sink, result) = await Generated.RunAsync(Some.Options() with { Files = 3, Rows = 1500, DirtyRate = 0.5, Format = format });

        foreach (var summary in result.Batches)
        {
            var tally = Tally.Of(RawFiles.Read(summary.Key, sink.Objects[summary.Key]));
            Assert.Equal(tally.Rows, summary.Rows);
            Assert.Equal(tally.ValidUnique, summary.ValidUnique);
            Assert.Equal(tally.Duplicates, summary.Duplicates);
            Assert.Equal(tally.RejectedByReason.OrderBy(p => p.Key), summary.RejectedByReason.OrderBy(p => p.Key));
            Assert.True(summary.Duplicates > 0 && summary.Rejected > 0 && summary.ValidUnique > summary.Rows / 2);
        }
    }

    [Fact]
    public void Next_ManySeeds_EveryRowLabelMatchesIndependentRules()
    {
        for (var seed = 1; seed <= 30; seed++)
        {
            var options = Some.Options() with { Seed = seed, Rows = 400, DirtyRate = seed % 2 == 0 ? 0.5 : 1.0 };
            foreach (var batch in Generated.Batches(options))
            {
                var expected = Tally.Outcomes(RawFiles.ReadCsv(batch.Content));
                var labels = batch.Rows.Select(r => r.Outcome.Status switch
                {
                    RowStatus.ValidUnique => "valid",
                    RowStatus.Duplicate => "duplicate",
                    _ => r.Outcome.RejectReason!,
                });
                Assert.Equal(expected, labels);
            }
        }
    }

    [Fact]
    public void Next_ValidRowsOfARun_HaveFingerprintsNoOtherFileRepeats()
    {
        var batches = Generated.Batches(Some.Options() with { Files = 4, Rows = 1000, DirtyRate = 0.3 });

        var fingerprints = batches
            .SelectMany(b => RawFiles.ReadCsv(b.Content).Where(r => TransformRules.RejectReason(r) is null).Select(TransformRules.Fingerprint).Distinct())
            .ToList();

        Assert.Equal(fingerprints.Count, fingerprints.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(0.05, 50)]
    [InlineData(0.5, 500)]
    [InlineData(0.0004, 0)]
    [InlineData(1, 1000)]
    public void Next_DirtyRate_DirtiesThatShareOfRows(double rate, int dirtyRows)
    {
        var batch = Generated.Batches(Some.Options() with { Files = 1, Rows = 1000, DirtyRate = rate })[0];

        Assert.Equal(dirtyRows, batch.Rows.Count(r => r.Kind is not null));
    }

    [Fact]
    public async Task RunAsync_ZeroDirtyRate_EveryRowIsValidAndUnique()
    {
        var (sink, result) = await Generated.RunAsync(Some.Options() with { Files = 3, Rows = 1000, DirtyRate = 0 });

        Assert.All(result.Batches, b => Assert.Equal((1000, 1000, 0, 0), (b.Rows, b.ValidUnique, b.Duplicates, b.Rejected)));
        Assert.All(Generated.ReadAll(sink), row => Assert.Null(TransformRules.RejectReason(row)));
        Assert.Equal(3000, Generated.ReadAll(sink).Select(TransformRules.Fingerprint).Distinct().Count());
    }
}
