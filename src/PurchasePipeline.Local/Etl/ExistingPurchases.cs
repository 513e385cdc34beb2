using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Defines <c>existing_purchases</c>: the clean table as it is before this run, in the partitions of the
/// purchase dates of this batch's valid rows only. Those are the only dates clean_purchases and
/// touched_purchases look at (glue/sql/README.md), and the Glue job reads no others, so what a run reads
/// does not grow with the table's history.
/// </summary>
internal static class ExistingPurchases
{
    /// <summary>The transform view the batch's dates are read from; define existing_purchases right after it.</summary>
    public const string DatesFrom = "typed_purchases";

    public static void Define(DuckDBConnection connection, LocalHome home)
    {
        var partitions = connection.Query(
                $"SELECT DISTINCT strftime(purchase_date, '%Y-%m-%d') FROM {DatesFrom} WHERE reject_reason IS NULL AND purchase_date IS NOT NULL ORDER BY 1",
                r => Path.Combine(home.CleanPurchases, "purchase_date=" + r.GetString(0)))
            .Where(LakeSources.HasParquet)
            .ToList();
        connection.Execute("CREATE TEMP VIEW existing_purchases AS " + (partitions.Count > 0
            ? LakeSources.Parquet(partitions)
            : TransformShapes.EmptySelect("clean_purchases")));
    }
}
