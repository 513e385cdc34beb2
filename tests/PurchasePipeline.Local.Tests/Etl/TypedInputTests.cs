using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>
/// Every record keeps its number in its file, whether its object is read with others by serial scans or alone by
/// DuckDB's parallel scanner (numbered by its place in its table), under a memory limit that makes DuckDB spill.
/// </summary>
public sealed class TypedInputTests : IDisposable
{
    private const int RowsPerObject = 150_000;

    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public TypedInputTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(TypedInput.ParallelFrom)]
    [InlineData(0L)]
    public void Read_TwoBigObjects_EveryRecordNumberedAsInItsFile(long parallelFrom)
    {
        // Some.Row(n) is user USI_n, on record n + 1 of a.csv and record n + 1 - RowsPerObject of b.csv.
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([.. Enumerable.Range(0, RowsPerObject).Select(n => Some.Row(n))]));
        Some.Land(home, "raw/2024/05/02/b.csv", Some.Csv([.. Enumerable.Range(RowsPerObject, RowsPerObject).Select(n => Some.Row(n))]));
        using var connection = new DuckMemory(home, "160MB") { PreserveInsertionOrder = false }.Open();

        var input = TypedInput.Read(connection, LandingZone.ListRaw(home), "jr_test", parallelFrom);

        Assert.Empty(input.Quarantined);
        Assert.Equal(2L * RowsPerObject, connection.ScalarLong($"SELECT count(*) FROM {TypedInput.View}"));
        Assert.Equal(0, connection.ScalarLong($"""
            SELECT count(*) FROM {TypedInput.View}
            WHERE CAST(substr(user_id, 5) AS BIGINT) + 1 - CASE WHEN source_file LIKE '%b.csv' THEN {RowsPerObject} ELSE 0 END <> source_row
            """));
    }

    [Fact]
    public void Read_QuotedLineBreakTheParallelScannerRefuses_ReadAgainSeriallyWithEveryRecordNumbered()
    {
        // A field ending in a line break, then a short row: DuckDB's parallel scanner refuses it with null_padding.
        var shortRow = string.Join(',', Some.CsvLine(Some.Row(3)).Split(',').Take(5));
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1), Some.Row(2).With("brand", "Sam\r\nsung\n")]) + shortRow + "\n" + Some.CsvLine(Some.Row(4)) + "\n");
        using var connection = new DuckMemory(home) { PreserveInsertionOrder = false }.Open();

        var input = TypedInput.Read(connection, LandingZone.ListRaw(home), "jr_test", parallelFrom: 0);

        Assert.Empty(input.Quarantined);
        Assert.Equal(
            ["1 USI_1", "2 USI_2", "3 USI_3", "4 USI_4"],
            connection.Query($"SELECT source_row, user_id FROM {TypedInput.View} ORDER BY source_row", r => $"{r.GetInt64(0)} {r.GetString(1)}"));
    }
}
