using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Etl;

/// <summary>Defines <c>existing_purchases</c>: the clean table as it is before this run.</summary>
internal static class ExistingPurchases
{
    public static void Define(DuckDBConnection connection, LocalHome home) =>
        connection.Execute("CREATE TEMP VIEW existing_purchases AS " + (LakeSources.HasParquet(home.CleanPurchases)
            ? LakeSources.Parquet(home.CleanPurchases)
            : TransformShapes.EmptySelect("clean_purchases")));
}
