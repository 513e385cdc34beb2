using PurchasePipeline.Local.Adapters;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Memory;

/// <summary>Validation's queries (Athena on DuckDB) hold at most the memory limit, and report running out of it as Athena reports a failed query.</summary>
public sealed class QueryServiceMemoryTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public QueryServiceMemoryTests()
    {
        home = new LocalHome(temp.Path);
        BigLake.Write(home);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task StartQuery_AggregateBeyondATinyLimit_SpillsAndCountsExactly()
    {
        var queries = new LocalQueryService(home, new DuckMemory(home, "192MB"));

        var id = await queries.StartQueryAsync(LakeQueryMemoryTests.Distinct, [], CancellationToken.None);

        Assert.Equal("SUCCEEDED", (await queries.GetQueryAsync(id, CancellationToken.None)).State);
        Assert.Equal(BigLake.Purchases.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(Assert.Single(await queries.GetResultsAsync(id, CancellationToken.None))));
    }

    [Fact]
    public async Task StartQuery_LimitTooSmallToSpill_FailsTheQueryWithOneLineNamingTheVariable()
    {
        var queries = new LocalQueryService(home, new DuckMemory(home, "1MB"));

        var id = await queries.StartQueryAsync(LakeQueryMemoryTests.Distinct, [], CancellationToken.None);

        var status = await queries.GetQueryAsync(id, CancellationToken.None);
        Assert.Equal("FAILED", status.State);
        Assert.StartsWith($"the query ran out of its DuckDB memory limit 1MB: raise {DuckMemory.LimitVariable} ", status.StateChangeReason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', status.StateChangeReason!);
    }
}
