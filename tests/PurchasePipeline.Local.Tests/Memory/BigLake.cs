using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Tests.Memory;

/// <summary>A clean table far bigger than a small memory limit, written straight to the lake's layout.</summary>
internal static class BigLake
{
    /// <summary>Distinct purchase ids in the clean table: as text, more than 100 MB for a hash table over them.</summary>
    public const int Purchases = 1_500_000;

    public static void Write(LocalHome home)
    {
        var partition = home.CleanPartitionOf(new DateOnly(2024, 5, 1));
        Directory.CreateDirectory(partition);
        using var connection = Duck.Duck.OpenInMemory();
        connection.Execute($"""
            COPY (SELECT md5(CAST(range AS VARCHAR)) || md5(CAST(-range AS VARCHAR)) AS purchase_id, 'USI_' || (range % 1000) AS user_id FROM range({Purchases}))
            TO {Duck.Duck.PathLiteral(Path.Combine(partition, "part-0.parquet"))} (FORMAT parquet)
            """);
    }
}
