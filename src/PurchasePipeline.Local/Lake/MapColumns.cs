using System.Collections;
using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// MAP columns of a query, read without reflection. DuckDB.NET reads a MAP into a Dictionary&lt;K, V&gt; it makes by
/// reflection (MakeGenericType, Activator), which Native AOT (the installed tool) cannot do for most key and value
/// types ("Dictionary`2[System.DateOnly,System.String] is missing native code"). Read as map_entries, a MAP is a LIST
/// of STRUCT(key, value), which DuckDB.NET gives as a list of name-to-value dictionaries whatever K and V are; each
/// becomes one Dictionary&lt;object, object?&gt; again, its entries in the map's order.
/// </summary>
internal static class MapColumns
{
    /// <summary>The MAP columns of a SELECT's result, by position, from DuckDB's DESCRIBE of it (which binds it, runs nothing).</summary>
    public static Dictionary<int, string> Of(DuckDBConnection connection, string select) =>
        connection.Query("DESCRIBE " + select, r => (Name: r.GetString(0), Type: r.GetString(1)))
            .Select((column, index) => (column.Name, column.Type, Index: index))
            .Where(column => IsMap(column.Type))
            .ToDictionary(column => column.Index, column => column.Name);

    /// <summary>The SELECT with each of those columns as its map_entries (the newlines keep a trailing comment from swallowing the parenthesis).</summary>
    public static string AsEntries(string select, IReadOnlyDictionary<int, string> maps) =>
        $"SELECT * REPLACE ({string.Join(", ", maps.Values.Select(name => $"map_entries({Quoted(name)}) AS {Quoted(name)}"))}) FROM (\n{select}\n)";

    /// <summary>A map_entries value as the map's keys and values, each value passed through <paramref name="value"/>.</summary>
    public static Dictionary<object, object?> FromEntries(object entries, Func<object?, object?> value)
    {
        var map = new Dictionary<object, object?>();
        foreach (IDictionary entry in (IEnumerable)entries)
        {
            map[entry["key"]!] = value(entry["value"]);
        }

        return map;
    }

    /// <summary>A MAP type itself, not a list or array of maps ("MAP(DATE, VARCHAR)[]"): its parenthesis closes at the end.</summary>
    private static bool IsMap(string type)
    {
        if (!type.StartsWith("MAP(", StringComparison.Ordinal))
        {
            return false;
        }

        var depth = 0;
        for (var i = 3; i < type.Length; i++)
        {
            depth += type[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i == type.Length - 1;
            }
        }

        return false;
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
