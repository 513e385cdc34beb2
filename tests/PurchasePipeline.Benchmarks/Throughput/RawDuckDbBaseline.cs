using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>
/// Baseline (b): DuckDB running glue/sql directly, with only what producing the same output needs. It
/// reads and types the landed CSVs as the job does (TypedInput: the same read_csv options, each file typed as it
/// is scanned in parallel), runs the same SQL files and COPYs the same Parquet. No bookmark, staging, commit
/// journal, manifest, audit or job lock, and no counting.
/// </summary>
/// <remarks>
/// It materialises the same tables as the job: a baseline slower than plain DuckDB needs to be would flatter the job.
/// </remarks>
internal static class RawDuckDbBaseline
{
    private const string RunId = "jr_baseline";

    /// <summary>The views read more than once, materialised as the job materialises them.</summary>
    private static readonly HashSet<string> Materialized = new(StringComparer.Ordinal) { "clean_purchases", "touched_purchases" };

    /// <param name="input">The home whose landing/ is read.</param>
    /// <param name="output">Where the Parquet goes.</param>
    /// <param name="memory">A memory limit and spill folder (under the input home), as a DuckDB user sets them for a batch beyond RAM; null: DuckDB's defaults.</param>
    public static void Run(LocalHome input, string output, DuckMemory? memory = null)
    {
        var scripts = SqlFolder.Transform;
        using var connection = memory?.Open() ?? Duck.OpenInMemory();
        _ = TypedInput.Read(connection, LandingZone.ListRaw(input), RunId);
        connection.Execute("CREATE TEMP VIEW users AS " + LakeSources.Users(input));
        connection.Execute("CREATE TEMP VIEW existing_purchases AS " + TransformShapes.EmptySelect("clean_purchases"));
        connection.Execute("CREATE TEMP VIEW existing_rejected AS SELECT reject_id FROM (" + TransformShapes.EmptySelect("rejected_purchases") + ")");
        foreach (var script in scripts.Where(s => s.Name != TypedInput.View))
        {
            var kind = Materialized.Contains(script.Name) ? "TABLE" : "VIEW";
            connection.Execute($"CREATE TEMP {kind} {script.Name} AS\n{script.Text}");
        }

        string Target(params string[] parts) => Duck.PathLiteral(Path.Combine([output, .. parts]));
        Directory.CreateDirectory(Path.Combine(output, "rejected"));
        Directory.CreateDirectory(Path.Combine(output, "aggregates"));
        connection.Execute(
            $"COPY clean_purchases TO {Target("clean")} (FORMAT parquet, PARTITION_BY (purchase_date), FILENAME_PATTERN 'part-{{i}}', OVERWRITE_OR_IGNORE)");
        connection.Execute(
            $"COPY (SELECT * EXCLUDE (run_id) FROM rejected_purchases ORDER BY source_file, source_row) TO {Target("rejected", "part-0.parquet")} (FORMAT parquet)");
        foreach (var script in scripts.Where(s => s.Name.StartsWith("agg_", StringComparison.Ordinal)))
        {
            connection.Execute(
                $"COPY {script.Name} TO {Target("aggregates", script.Name)} (FORMAT parquet, PARTITION_BY (purchase_date), FILENAME_PATTERN 'part-{{i}}', OVERWRITE_OR_IGNORE)");
        }
    }

    /// <summary>Clean and rejected rows the baseline wrote, read back from its Parquet (not timed).</summary>
    public static (long Clean, long Rejected) CountOutput(string output)
    {
        using var connection = Duck.OpenInMemory();
        return (
            connection.ScalarLong($"SELECT count(*) FROM read_parquet({Duck.PathLiteral(Path.Combine(output, "clean", "*", "*.parquet"))})"),
            connection.ScalarLong($"SELECT count(*) FROM read_parquet({Duck.PathLiteral(Path.Combine(output, "rejected", "*.parquet"))})"));
    }
}
