using System.Globalization;
using System.Text.Json;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Tests;

/// <summary>Test data builders: raw purchase rows and files in a local home.</summary>
internal static partial class Some
{
    /// <summary>Key of a row's text beyond the header: <see cref="CsvLine"/> writes it after the schema's columns.</summary>
    public const string ExtraFields = "(extra fields)";

    /// <summary>A valid purchase row as a field map; tweak fields to make it dirty.</summary>
    public static Dictionary<string, string> Row(int n, string date = "2024-05-01") => new(StringComparer.Ordinal)
    {
        ["user_id"] = "USI_" + n.ToString(CultureInfo.InvariantCulture),
        ["session_id"] = n.ToString("x32", CultureInfo.InvariantCulture),
        ["category"] = "Smartphones",
        ["brand"] = "Samsung",
        ["cost_price"] = "500",
        ["selling_price"] = "575.50",
        ["discount"] = "20",
        ["timestamp"] = date + " 10:" + (n % 60).ToString("00", CultureInfo.InvariantCulture) + ":00",
        ["referrer"] = "ABC12",
        ["device_type"] = "mobile",
        ["os"] = "Android",
        ["browser"] = "Chrome",
        ["ip_address"] = "10.0.0.1",
        ["payment_method"] = "credit_card",
    };

    /// <summary>A row with one field changed.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> row, string field, string value)
    {
        var copy = new Dictionary<string, string>(row, StringComparer.Ordinal) { [field] = value };
        return copy;
    }

    /// <summary>CSV text with the schema's header; fields are quoted only when they need it.</summary>
    public static string Csv(IEnumerable<Dictionary<string, string>> rows) =>
        PurchaseSchema.CsvHeader + "\n" + string.Concat(rows.Select(r => CsvLine(r) + "\n"));

    /// <summary>One CSV record in schema order, plus the row's <see cref="ExtraFields"/> text when it has any.</summary>
    public static string CsvLine(Dictionary<string, string> row) =>
        string.Join(',', PurchaseSchema.ColumnNames.Select(c => Quote(row[c])))
        + (row.TryGetValue(ExtraFields, out var extra) ? "," + extra : string.Empty);

    /// <summary>JSON lines text: one object per row with every field as a string property.</summary>
    public static string Jsonl(IEnumerable<Dictionary<string, string>> rows) =>
        string.Concat(rows.Select(r => JsonSerializer.Serialize(r) + "\n"));

    /// <summary>Writes an object under landing/ and returns its key.</summary>
    public static string Land(LocalHome home, string key, string contents)
    {
        var path = home.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return key;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
