namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// A query whose values DuckDB.NET gives as lists of value types, maps, structs, a BLOB and a HUGEINT, and the JSON
/// `query --json` prints for it: the in-process CLI and the installed (Native AOT) tool must print the same.
/// </summary>
internal static class NestedValues
{
    public const string Sql =
        "SELECT [DATE '2026-11-01'] AS dates, [1, 2] AS numbers, [TIME '10:11:12'] AS times, [1::HUGEINT] AS huge, "
        + "{'a': 1, 'b': 'x'} AS struct, map(['k'], [2]) AS map, 'x'::BLOB AS blob, 1.50::DECIMAL(5, 2) AS amount, true AS flag";

    public const string Json =
        """[{"dates":["2026-11-01"],"numbers":[1,2],"times":["10:11:12"],"huge":[1],"struct":{"a":1,"b":"x"},"map":{"k":2},"blob":"eA==","amount":1.50,"flag":true}]""";
}
