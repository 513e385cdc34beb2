using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Lake;
using static PurchasePipeline.Local.Duck.Duck;

namespace PurchasePipeline.Local.Etl;

/// <summary>
/// Builds the <c>raw_purchases</c> view the transform reads (glue/sql/README.md): every raw column as
/// text, the text of fields beyond the header (<c>extra_fields</c>), the object key, the 1-based record
/// number in the file (for a CSV object <see cref="TypedInput"/> numbers the records), and the run id. Nothing a file holds is dropped: a row with too many fields keeps
/// them in extra_fields (and is rejected), an unterminated quote keeps the rest of the file in one field.
/// </summary>
internal static class RawSources
{
    /// <summary>Spill columns for fields beyond the header; further fields stay only in the raw object, which is never deleted.</summary>
    private const int SpillColumns = 8;

    /// <summary>A quarantine reason travels in the manifest and the execution's error: a line, not a file's content.</summary>
    private const int MaxReasonLength = 500;

    /// <summary>The SELECT of no object: the shape of raw_purchases.</summary>
    public static string Empty { get; } =
        $"SELECT {string.Join(", ", PurchaseSchema.ColumnNames.Select(c => "CAST(NULL AS VARCHAR) AS " + c))}, CAST(NULL AS VARCHAR) AS extra_fields, CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS BIGINT) AS source_row, CAST(NULL AS VARCHAR) AS run_id WHERE false";

    /// <summary>
    /// The SELECT over one object. Read in parallel, a CSV object's source_row is NULL: a parallel scan cannot number
    /// its records (row_number() OVER () makes it serial), and <see cref="TypedInput"/> numbers them by their place in
    /// the object's table.
    /// </summary>
    /// <param name="raw">The object.</param>
    /// <param name="runId">The run that reads it.</param>
    /// <param name="parallel">Whether DuckDB may scan a CSV object on several threads, leaving its records unnumbered.</param>
    public static string Select(RawObject raw, string runId, bool parallel) => raw.IsJsonLines ? JsonLines(raw, runId) : Csv(raw, runId, parallel);

    /// <summary>
    /// Whether DuckDB failing to read an object is the object's fault. Running out of memory is not: the same object
    /// reads under a higher limit, so the run fails (naming the limit) instead of quarantining good objects.
    /// </summary>
    public static bool IsObjectsFault(DuckDBException error) => error.ErrorType != DuckDBErrorType.OutOfMemory;

    /// <summary>Why an object cannot be read, in one line naming no local path (the reason is stored with its key).</summary>
    public static string Unreadable(RawObject raw, Exception error)
    {
        if (error is RawFileException file)
        {
            return file.Reason;
        }

        // DuckDB's message spans lines (the failing line's text among them) and quotes the local file path.
        var lines = error.Message.Replace(raw.Path, raw.Key, StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var reason = string.Join("; ", lines.Where(line => !line.StartsWith("Original Line", StringComparison.Ordinal)).Take(2));
        return reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…";
    }

    private static string Csv(RawObject raw, string runId, bool parallel)
    {
        var header = RawHeader.Read(raw);
        var spill = Enumerable.Range(1, SpillColumns).Select(i => "extra_" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var columns = "{" + string.Join(", ", header.Concat(spill).Select(c => $"{Literal(c)}: 'VARCHAR'")) + "}";
        return $"""
            SELECT {string.Join(", ", PurchaseSchema.ColumnNames)},
                nullif(concat_ws(',', {string.Join(", ", spill)}), '') AS extra_fields,
                {Literal(raw.Key)} AS source_file,
                {(parallel ? "CAST(NULL AS BIGINT)" : "row_number() OVER ()")} AS source_row,
                {Literal(runId)} AS run_id
            FROM read_csv({PathLiteral(raw.Path)}, auto_detect = false, header = true, delim = ',', quote = '"',
                escape = '"', null_padding = true, strict_mode = false, parallel = {(parallel ? "true" : "false")}, columns = {columns})
            """;
    }

    private static string JsonLines(RawObject raw, string runId)
    {
        var fields = new StringBuilder();
        foreach (var column in PurchaseSchema.ColumnNames)
        {
            fields.Append(CultureInfo.InvariantCulture, $"CASE WHEN is_object THEN json_extract_string(doc, {Literal("$." + column)}) END AS {column}, ");
        }

        var known = string.Join(", ", PurchaseSchema.ColumnNames.Select(Literal));
        return $"""
            SELECT {fields}
                CASE WHEN NOT is_object THEN line
                    WHEN len(list_filter(json_keys(doc), k -> NOT list_contains([{known}], k))) > 0 THEN line
                END AS extra_fields,
                {Literal(raw.Key)} AS source_file,
                CAST(line_number AS BIGINT) AS source_row,
                {Literal(runId)} AS run_id
            FROM (
                SELECT line, line_number, doc, coalesce(json_type(doc) = 'OBJECT', false) AS is_object
                FROM (
                    -- TRY_CAST: a line that is not JSON is a row to reject, not an error that fails the run;
                    -- ltrim drops a UTF-8 byte order mark, which is no part of the first line.
                    SELECT line, line_number, TRY_CAST(line AS JSON) AS doc
                    FROM (
                        SELECT rtrim(unnest(lines), chr(13)) AS line, generate_subscripts(lines, 1) AS line_number
                        FROM (SELECT string_split(ltrim(content, chr(65279)), chr(10)) AS lines FROM read_text({PathLiteral(raw.Path)}))
                    )
                    WHERE trim(line) <> ''
                )
            )
            """;
    }
}
