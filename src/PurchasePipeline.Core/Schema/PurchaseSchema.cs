namespace PurchasePipeline.Core.Schema;

/// <summary>
/// The raw purchase file layout: the seed system's columns, in the seed system's order, so its files are
/// accepted as they are. This is the one place the raw schema is written down; the crawler, the local job,
/// the generator and the tests read it from here.
/// </summary>
public static class PurchaseSchema
{
    /// <summary>Columns of a raw purchase file, in file order.</summary>
    public static IReadOnlyList<SchemaColumn> Columns { get; } =
    [
        new("user_id", ColumnKind.Text, true, "Customer id, USI_1..USI_1000"),
        new("session_id", ColumnKind.Text, true, "Browsing session, 32 hex characters"),
        new("category", ColumnKind.Text, true, "Product category"),
        new("brand", ColumnKind.Text, true, "Product brand"),
        new("cost_price", ColumnKind.WholeNumber, true, "What the shop paid, whole currency units"),
        new("selling_price", ColumnKind.Amount, true, "List price, cost_price x 1.05-1.20"),
        new("discount", ColumnKind.WholeNumber, true, "Discount applied, whole currency units"),
        new("timestamp", ColumnKind.Timestamp, true, "Purchase time, yyyy-MM-dd HH:mm:ss"),
        new("referrer", ColumnKind.Text, false, "Referring campaign, three letters and a number, or 0"),
        new("device_type", ColumnKind.Text, true, "desktop, mobile or tablet"),
        new("os", ColumnKind.Text, false, "Operating system"),
        new("browser", ColumnKind.Text, false, "Browser"),
        new("ip_address", ColumnKind.Text, false, "Client IPv4 address"),
        new("payment_method", ColumnKind.Text, true, "How the customer paid"),
    ];

    /// <summary>Column names in file order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Columns.Select(c => c.Name)];

    /// <summary>The header line of a CSV file written in this layout.</summary>
    public static string CsvHeader { get; } = string.Join(',', ColumnNames);

    /// <summary>Format of the <c>timestamp</c> column.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";
}
