using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Defines <c>existing_rejected</c>: the fingerprint (<c>reject_id</c>) of every rejected row already in the
/// lake, so rejected_purchases leaves out a row delivered again (glue/sql/README.md). Only that column is read:
/// Parquet stores it on its own, so a run reads about 33 bytes per rejected row of the lake's history, none of
/// the raw text. Rows written before rejected rows had a fingerprint have none and are not matched.
/// </summary>
internal static class ExistingRejected
{
    public static void Define(DuckDBConnection connection, LocalHome home)
    {
        // UNION ALL BY NAME with the table's empty shape: the column is there even if no file has it yet.
        connection.Execute("CREATE TEMP VIEW existing_rejected AS " + (LakeSources.HasParquet(home.RejectedPurchases)
            ? $"SELECT reject_id FROM ({TransformShapes.EmptySelect("rejected_purchases")} UNION ALL BY NAME {LakeSources.Parquet(home.RejectedPurchases)}) WHERE reject_id IS NOT NULL"
            : "SELECT CAST(NULL AS VARCHAR) AS reject_id WHERE false"));
    }
}
