using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// Read-only SQL over the lake's tables (<see cref="LakeViews"/>: clean_purchases, rejected_purchases, agg_daily_*,
/// run_manifests, run_partitions) on an in-memory DuckDB, for <c>purchase-pipeline query</c>.
/// </summary>
/// <remarks>
/// Only one read runs: a single SELECT (WITH, FROM-first, VALUES and TABLE included), as DuckDB's own parser
/// says (<c>json_serialize_sql</c> serializes SELECT statements only and reports anything else as an error), or
/// DESCRIBE, SUMMARIZE or EXPLAIN (not EXPLAIN ANALYZE, which runs its statement) of such a SELECT or of a
/// table, or SHOW. Everything else (COPY, ATTACH, INSTALL, CREATE, INSERT, SET, PRAGMA, several statements)
/// is refused with <see cref="LakeQueryException"/> before it runs. The views read the lake's files directly;
/// the database is in memory, so nothing of the home is opened for writing but its spill folder (<see cref="DuckMemory"/>).
/// </remarks>
public static partial class LakeQuery
{
    /// <summary>Runs <paramref name="sql"/> and returns its column names and rows.</summary>
    /// <exception cref="LakeQueryException">Not a read, or DuckDB refused it (its message, one line).</exception>
    /// <exception cref="MemoryLimitExceededException">It needed more than the memory limit and could not spill the rest.</exception>
    public static LakeQueryResult Run(LocalHome home, string sql) => Run(home, sql, new DuckMemory(home));

    /// <summary>Runs <paramref name="sql"/> under <paramref name="memory"/>'s limit.</summary>
    internal static LakeQueryResult Run(LocalHome home, string sql, DuckMemory memory)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(sql);
        using var connection = memory.Open();
        try
        {
            LakeViews.Create(connection, home);
            var select = CheckIsRead(connection, sql);
            var maps = select is null ? new Dictionary<int, string>() : MapColumns.Of(connection, select);
            using var command = connection.CreateCommand();
            command.CommandText = maps.Count == 0 ? sql : MapColumns.AsEntries(select!, maps);
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyList<object?>>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? null : maps.ContainsKey(i) ? MapColumns.FromEntries(reader.GetValue(i), Materialised) : Materialised(reader.GetValue(i)))
                    .ToList());
            }

            return new LakeQueryResult(columns, rows);
        }
        catch (DuckDBException e) when (DuckMemory.IsOutOfMemory(e))
        {
            throw memory.Exceeded("the query", e);
        }
        catch (DuckDBException e)
        {
            throw new LakeQueryException(e.Message.Split('\n')[0].Trim(), e);
        }
    }

    /// <summary>A BLOB as its bytes: DuckDB.NET gives a stream over the result's memory, which is gone once the reader moves on.</summary>
    private static object? Materialised(object? value)
    {
        if (value is not Stream blob)
        {
            return value;
        }

        using var bytes = new MemoryStream();
        blob.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Refuses what is not a read; returns the statement when it is a SELECT (not DESCRIBE, SHOW, … of one).</summary>
    private static string? CheckIsRead(DuckDBConnection connection, string sql)
    {
        var statement = LeadingNoise().Replace(sql, string.Empty).TrimEnd().TrimEnd(';').Trim();
        var prefix = ReadPrefix().Match(statement);
        var body = prefix.Success ? statement[prefix.Length..].Trim() : statement;
        if (prefix.Success && (prefix.Groups["show"].Success || TableName().IsMatch(body)))
        {
            return null;
        }

        var parsed = JsonNode.Parse(connection.Query("SELECT json_serialize_sql(" + Duck.Duck.Literal(body) + ")", r => r.GetString(0))[0])!;
        var single = parsed["statements"] is JsonArray { Count: 1 };
        if ((bool?)parsed["error"] == true || !single)
        {
            var first = FirstWord().Match(statement).Value.ToUpperInvariant();
            throw new LakeQueryException(
                $"only a read runs here: one SELECT (or WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN); got {(single || (bool?)parsed["error"] == true ? (first.Length > 0 ? first : "nothing") : "several statements")}");
        }

        return prefix.Success ? null : statement;
    }

    /// <summary>Whitespace and comments before the statement.</summary>
    [GeneratedRegex(@"^(\s+|--[^\n]*\n?|/\*.*?\*/)*", RegexOptions.Singleline)]
    private static partial Regex LeadingNoise();

    [GeneratedRegex(@"^(?:(?<show>SHOW\s+[\w.\s""]*$)|DESCRIBE\b|SUMMARIZE\b|EXPLAIN\b(?!\s+ANALYZE))", RegexOptions.IgnoreCase)]
    private static partial Regex ReadPrefix();

    [GeneratedRegex(@"^[\w.""]+$")]
    private static partial Regex TableName();

    [GeneratedRegex(@"^\w+")]
    private static partial Regex FirstWord();
}

/// <summary>A query's columns and rows (values as DuckDB.NET gives them; null for SQL NULL).</summary>
public sealed record LakeQueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A query that is not a read, or that DuckDB refused; the message is one line.</summary>
public sealed class LakeQueryException(string message, Exception? inner = null) : Exception(message, inner);
