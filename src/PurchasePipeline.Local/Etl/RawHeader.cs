using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Reads and checks a CSV object's header line. Columns may come in any order, names are matched
/// trimmed and case-insensitively; a missing, unknown or repeated column makes the file unreadable.
/// </summary>
internal static class RawHeader
{
    /// <summary>The file's column names, lower-cased, in file order.</summary>
    /// <exception cref="RawFileException">The header is absent or does not hold the purchase columns.</exception>
    public static IReadOnlyList<string> Read(RawObject raw)
    {
        string? line;
        using (var reader = new StreamReader(raw.Path, detectEncodingFromByteOrderMarks: true))
        {
            line = reader.ReadLine();
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            throw new RawFileException(raw.Key, "file is empty: expected a header line with " + PurchaseSchema.CsvHeader);
        }

        var names = line.Split(',').Select(n => n.Trim().Trim('"').Trim().ToLowerInvariant()).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new RawFileException(raw.Key, "header repeats column " + string.Join(", ", repeated));
        }

        var missing = PurchaseSchema.ColumnNames.Except(names, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new RawFileException(raw.Key, "header lacks column " + string.Join(", ", missing) + " (expected " + PurchaseSchema.CsvHeader + ")");
        }

        var unknown = names.Except(PurchaseSchema.ColumnNames, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new RawFileException(raw.Key, "header has unknown column " + string.Join(", ", unknown.Select(u => u.Length == 0 ? "(empty)" : u)));
        }

        return names;
    }
}
