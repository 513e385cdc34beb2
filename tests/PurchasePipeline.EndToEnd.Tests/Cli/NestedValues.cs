namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// A query whose values DuckDB.NET gives as lists of value types, maps, structs, a BLOB and a HUGEINT, and the JSON
/// `query --json` prints for it: the in-process CLI and the installed (Native AOT) tool must print the same. The maps
/// keyed by DATE and DOUBLE, and the one of DATE values, are of dictionary types Native AOT has no code for when DuckDB.NET
/// makes them by reflection (src/PurchasePipeline.Local/Lake/MapColumns.cs).
/// </summary>
internal static class NestedValues
{
    public const string Sql =
        "SELECT [DATE '2026-11-01'] AS dates, [1, 2] AS numbers, [TIME '10:11:12'] AS times, [1::HUGEINT] AS huge, "
        + "{'a': 1, 'b': 'x'} AS struct, map(['k'], [2]) AS map, 'x'::BLOB AS blob, 1.50::DECIMAL(5, 2) AS amount, true AS flag, "
        + "map([DATE '2026-11-01', DATE '2026-11-02'], [1.5, NULL]) AS by_date, map([0.5::DOUBLE], ['half']) AS by_double, "
        + "map(['first'], [DATE '2026-11-01']) AS dates_by_name";

    public const string Json =
        """[{"dates":["2026-11-01"],"numbers":[1,2],"times":["10:11:12"],"huge":[1],"struct":{"a":1,"b":"x"},"map":{"k":2},"blob":"eA==","amount":1.50,"flag":true,"by_date":{"2026-11-01":1.5,"2026-11-02":null},"by_double":{"0.5":"half"},"dates_by_name":{"first":"2026-11-01"}}]""";
}
