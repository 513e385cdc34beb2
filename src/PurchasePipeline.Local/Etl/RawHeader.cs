using System.Globalization;
using System.IO.Compression;
using System.Text;
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
    /// <summary>
    /// Far beyond the purchase header (about 130 characters): a longer first line is no header, and neither it
    /// nor a list of its "columns" may end up in an error that the state machine carries (256 KiB at most).
    /// </summary>
    private const int MaxHeaderLength = 64 * 1024;

    /// <summary>Names quoted in an error are cut to this length.</summary>
    private const int MaxNameLength = 64;

    /// <summary>The file's column names, lower-cased, in file order.</summary>
    /// <exception cref="RawFileException">The header is absent, too long, or does not hold the purchase columns.</exception>
    public static IReadOnlyList<string> Read(RawObject raw)
    {
        var line = FirstLine(raw);

        if (string.IsNullOrWhiteSpace(line))
        {
            throw new RawFileException(raw.Key, "file is empty: expected a header line with " + PurchaseSchema.CsvHeader);
        }

        var names = line.Split(',').Select(n => n.Trim().Trim('"').Trim().ToLowerInvariant()).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new RawFileException(raw.Key, "header repeats column " + Names(repeated));
        }

        var missing = PurchaseSchema.ColumnNames.Except(names, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new RawFileException(raw.Key, "header lacks column " + string.Join(", ", missing) + " (expected " + PurchaseSchema.CsvHeader + ")");
        }

        var unknown = names.Except(PurchaseSchema.ColumnNames, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new RawFileException(raw.Key, "header has unknown column " + Names(unknown.Select(u => u.Length == 0 ? "(empty)" : u).ToList()));
        }

        return names;
    }

    /// <summary>
    /// The first line, read through gzip for a .gz object (Glue and Athena read gzip-compressed CSV by its
    /// extension, and DuckDB's read_csv does too).
    /// </summary>
    private static string? FirstLine(RawObject raw)
    {
        using var file = File.OpenRead(raw.Path);
        using var content = raw.IsGzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        var line = new StringBuilder();
        for (var c = reader.Read(); c >= 0 && c != '\n'; c = reader.Read())
        {
            if (line.Length == MaxHeaderLength)
            {
                throw new RawFileException(raw.Key, string.Create(CultureInfo.InvariantCulture, $"the first line is longer than {MaxHeaderLength:N0} characters: expected a header line with {PurchaseSchema.CsvHeader}"));
            }

            line.Append((char)c);
        }

        return line.Length == 0 && reader.EndOfStream ? null : line.ToString().TrimEnd('\r');
    }

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(5).Select(n => n.Length > MaxNameLength ? n[..MaxNameLength] + "…" : n)) + (names.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 5} more") : string.Empty);
}
