using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Tests;

/// <summary>Damages a committed lake on purpose, the way a bad writer or a stray hand would, for the rules to catch.</summary>
internal static class LakeEdits
{
    /// <summary>The clean Parquet files of one purchase date.</summary>
    public static IReadOnlyList<string> CleanFiles(LocalHome home, string purchaseDate) =>
        Directory.GetFiles(Path.Combine(home.CleanPurchases, "purchase_date=" + purchaseDate), "*.parquet");

    /// <summary>Rewrites a Parquet file through a SELECT over it (FROM f), e.g. <c>SELECT * REPLACE (…) FROM f</c>.</summary>
    public static void RewriteParquet(string file, string select) => CopyParquet(file, file, select);

    /// <summary>Writes <paramref name="target"/> from a SELECT over <paramref name="source"/> (FROM f).</summary>
    public static void CopyParquet(string source, string target, string select)
    {
        var temp = target + ".tmp";
        using (var connection = Duck.Duck.OpenInMemory())
        {
            connection.Execute($"CREATE VIEW f AS SELECT * FROM read_parquet({Duck.Duck.PathLiteral(source)}, hive_partitioning = false)");
            connection.Execute($"COPY ({select}) TO {Duck.Duck.PathLiteral(temp)} (FORMAT parquet)");
        }

        File.Move(temp, target, overwrite: true);
    }

    /// <summary>Replaces a run's committed manifest with an edited copy.</summary>
    public static void EditManifest(LocalHome home, string runId, Func<RunManifest, RunManifest> edit)
    {
        var path = Path.Combine(home.Manifests, runId + ".json");
        File.WriteAllText(path, RunManifestJson.Serialize(edit(RunManifestJson.Deserialize(File.ReadAllText(path)))));
    }
}
