using PurchasePipeline.Functions;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>
/// Many small runs into one partition: the job compacts the partition's files into one, and a compaction stopped at
/// any point (as a SIGKILL would: nothing after the point runs) leaves the old files or the new one, never both.
/// </summary>
public sealed class PartitionCompactorTests : IDisposable
{
    private const string Partition = "2024-05-01";

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public PartitionCompactorTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    private string PartitionFolder => Path.Combine(home.CleanPurchases, "purchase_date=" + Partition);

    [Fact]
    public void Run_APartitionReachingTheLimit_CompactedIntoOneFileWithEveryRowOnce()
    {
        var limit = new PartitionCompactor(home).FilesToCompact;
        for (var run = 1; run < limit; run++)
        {
            RunJobOnNewRows(run);
        }

        Assert.Equal(limit - 1, Directory.GetFiles(PartitionFolder, "*.parquet").Length);

        RunJobOnNewRows(limit);

        Assert.Single(Directory.GetFiles(PartitionFolder, "*.parquet"));
        Assert.Equal((2L * limit, 2L * limit), VisibleRows());
        Assert.False(Directory.Exists(Path.Combine(home.Lake, "_compaction")));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Compact_StoppedAtAPoint_OldFilesOrTheNewOneVisibleNeverBoth_AndRecoverClearsTheRest(string point)
    {
        RunJobOnNewRows(1);
        RunJobOnNewRows(2);
        var before = Directory.GetFiles(PartitionFolder, "*.parquet").Order(StringComparer.Ordinal).ToList();
        var sut = new PartitionCompactor(home) { FilesToCompact = 2, Reach = p => { if (p == point) { throw new KilledHere(); } } };

        Assert.Throws<KilledHere>(() => sut.Compact([PartitionFolder], "jr_compaction"));

        var visible = Directory.GetFiles(PartitionFolder, "*.parquet").Order(StringComparer.Ordinal).ToList();
        if (point == CrashPoint.CompactionWritten)
        {
            Assert.Equal(before, visible);
        }
        else
        {
            Assert.Equal([Path.Combine(PartitionFolder, "part-jr_compaction-compacted.parquet")], visible);
        }

        Assert.Equal((4L, 4L), VisibleRows());
        new PartitionCompactor(home).Recover();
        Assert.False(Directory.Exists(Path.Combine(home.Lake, "_compaction")));
        Assert.Equal((4L, 4L), VisibleRows());
    }

    public static TheoryData<string> Points => [.. CrashPoint.Compaction];

    /// <summary>Lands two new rows of the partition's date and runs the job.</summary>
    private void RunJobOnNewRows(int run)
    {
        Some.Land(home, $"raw/2024/05/01/f{run}.csv", Some.Csv([Some.Row(run * 2), Some.Row((run * 2) + 1)]));
        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run();
        Assert.Equal(2, manifest.RowsClean);
    }

    /// <summary>Rows in the partition's visible files, and their distinct purchase ids.</summary>
    private (long Rows, long Ids) VisibleRows()
    {
        using var connection = Duck.Duck.OpenInMemory();
        var source = $"read_parquet({Duck.Duck.PathLiteral(Path.Combine(PartitionFolder, "*.parquet"))}, hive_partitioning = false, union_by_name = true)";
        return (connection.ScalarLong($"SELECT count(*) FROM {source}"), connection.ScalarLong($"SELECT count(DISTINCT purchase_id) FROM {source}"));
    }

    private sealed class KilledHere : Exception;
}
