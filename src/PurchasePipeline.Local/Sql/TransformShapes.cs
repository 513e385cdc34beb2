using DuckDB.NET.Data;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;

namespace PurchasePipeline.Local.Sql;

/// <summary>
/// The columns and types of every view of the transform, found by running glue/sql once over empty
/// inputs. Tables the lake does not hold yet (before the first run) get these shapes, so nothing
/// writes the clean table's schema down a second time.
/// </summary>
internal static class TransformShapes
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Shapes = new(Capture);

    /// <summary>A SELECT returning no rows with the columns of a transform view.</summary>
    public static string EmptySelect(string view) =>
        Shapes.Value.TryGetValue(view, out var columns)
            ? $"SELECT {columns} WHERE false"
            : throw new ArgumentException($"glue/sql defines no view {view}", nameof(view));

    private static Dictionary<string, string> Capture()
    {
        using var connection = Duck.Duck.OpenInMemory();
        connection.Execute("CREATE TEMP TABLE raw_purchases AS " + RawSources.Empty);
        connection.Execute("CREATE TEMP TABLE users AS " + Lake.LakeSources.Users(new Lake.LocalHome(Path.GetTempPath())));

        // The transform looks rows up in the clean table it produces: start with the two columns that
        // lookup reads, then give existing_purchases the full shape as soon as clean_purchases exists.
        connection.Execute("CREATE TEMP TABLE existing_purchases (purchase_id VARCHAR, purchase_date DATE)");
        connection.Execute("CREATE TEMP TABLE existing_rejected (reject_id VARCHAR)");
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var script in SqlFolder.Transform)
        {
            connection.Execute($"CREATE TEMP TABLE {script.Name} AS\n{script.Text}");
            shapes[script.Name] = Columns(connection, script.Name);
            if (script.Name == "clean_purchases")
            {
                connection.Execute("DROP TABLE existing_purchases");
                connection.Execute("CREATE TEMP TABLE existing_purchases AS SELECT * FROM clean_purchases");
            }
        }

        return shapes;
    }

    private static string Columns(DuckDBConnection connection, string table) =>
        string.Join(", ", connection.Query(
            $"SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '{table}' ORDER BY column_index",
            r => $"CAST(NULL AS {r.GetString(1)}) AS {r.GetString(0)}"));
}
