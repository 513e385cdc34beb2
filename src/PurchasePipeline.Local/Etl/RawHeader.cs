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

        var names = Fields(line).Select(n => n.Trim().ToLowerInvariant()).ToList();
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

    /// <summary>
    /// The fields of one CSV line, as the reader of the data reads them (DuckDB's read_csv with quote and escape '"')
    /// and as the Glue job reads a header (Python's csv.reader): a field that starts with '"' is quoted, so a ',' in it
    /// is text and '""' a quote. Splitting on ',' read <c>"brand,category"</c> as the two columns the reader does not see.
    /// </summary>
    /// <remarks>
    /// After a closing quote the field goes on to the next ',', and a quote inside an unquoted field is text: what
    /// CPython's Modules/_csv.c does with its default (non-strict) dialect.
    /// </remarks>
    internal static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0 && (i == 0 || line[i - 1] == ','))
            {
                quoted = true;
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(5).Select(n => n.Length > MaxNameLength ? n[..MaxNameLength] + "…" : n)) + (names.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 5} more") : string.Empty);
}
