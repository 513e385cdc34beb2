using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Memory;

/// <summary><c>query</c> holds at most the memory limit: beyond it DuckDB spills, and where it cannot, one line says which variable to raise.</summary>
public sealed class LakeQueryMemoryTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public LakeQueryMemoryTests()
    {
        home = new LocalHome(temp.Path);
        BigLake.Write(home);
    }

    /// <summary>A GROUP BY: DuckDB's hash aggregate spills (a count(DISTINCT …) of this size does not, at these limits).</summary>
    internal const string Distinct = "SELECT count(*) AS purchases FROM (SELECT purchase_id FROM clean_purchases GROUP BY purchase_id)";

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_AggregateBeyondATinyLimit_SpillsAndCountsExactly()
    {
        // Without a spill folder the same query fails at 192MB ("failed to allocate data of size 16.0 MiB"); at 128MB it
        // failed now and then even with one, when the full suite loaded the machine (2 threads need room to spill).
        var result = Local.Lake.LakeQuery.Run(home, Distinct, new DuckMemory(home, "192MB"));

        Assert.Equal((long)BigLake.Purchases, Assert.Single(Assert.Single(result.Rows)));
        Assert.Empty(Directory.GetDirectories(Path.Combine(home.Temp, "duckdb")));
    }

    [Fact]
    public void Run_LimitTooSmallToSpill_FailsWithOneLineNamingTheVariable()
    {
        var error = Assert.Throws<MemoryLimitExceededException>(() =>
            Local.Lake.LakeQuery.Run(home, Distinct, new DuckMemory(home, "1MB")));

        Assert.StartsWith($"the query ran out of its DuckDB memory limit 1MB: raise {DuckMemory.LimitVariable} ", error.Message, StringComparison.Ordinal);
        Assert.Contains("DuckDB: Out of Memory Error", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
