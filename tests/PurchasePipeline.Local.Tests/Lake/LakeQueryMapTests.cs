using System.Collections;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Lake;

/// <summary>`query` reads MAP columns as their entries, not through DuckDB.NET's reflection (Native AOT: MapColumns).</summary>
public sealed class LakeQueryMapTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LakeQueryResult Run(string sql) => Local.Lake.LakeQuery.Run(new LocalHome(temp.Path), sql);

    [Fact]
    public void Run_MapKeyedByDate_IsItsKeysAndValuesInTheMapsOrder()
    {
        var result = Run("SELECT 'x' AS name, map([DATE '2026-11-02', DATE '2026-11-01'], [1.5, NULL]) AS by_date -- a trailing comment");

        Assert.Equal(["name", "by_date"], result.Columns);
        // Not the Dictionary<DateOnly, decimal?> DuckDB.NET would make by reflection, which Native AOT has no code for.
        var map = Assert.IsType<Dictionary<object, object?>>(Assert.Single(result.Rows)[1]);
        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1)], map.Keys.Cast<object>());
        Assert.Equal([1.5m, null], map.Values.Cast<object?>());
    }

    [Fact]
    public void Run_MapsInRowsOrderedByTheQuery_KeepTheQuerysOrder()
    {
        var result = Run("SELECT n, map([n], [n * 10]) AS m FROM range(3) AS t(n) ORDER BY n DESC");

        Assert.Equal([2L, 1L, 0L], result.Rows.Select(r => r[0]));
        Assert.Equal([20L, 10L, 0L], result.Rows.Select(r => ((IDictionary)r[1]!)[r[0]!]));
    }

    [Fact]
    public void Run_ListOfMaps_IsNotRewritten()
    {
        var result = Run("SELECT [map(['k'], ['v'])] AS maps");

        Assert.Single(Assert.IsAssignableFrom<IEnumerable>(Assert.Single(Assert.Single(result.Rows))).Cast<object>());
    }
}
