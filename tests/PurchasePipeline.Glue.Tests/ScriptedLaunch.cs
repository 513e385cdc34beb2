using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// A launch of the job as Glue launches it (<see cref="GlueLaunch"/>) on the row-carrying Spark and Glue of
/// scripts/scripted_glue.py, over a folder S3 holding the repository's SQL files and rules where the stack puts them.
/// </summary>
internal sealed class ScriptedLaunch(GlueLaunch glue, TempDirectory s3)
{
    public const string Date = "2026-11-25";

    /// <summary>Three CSV records: the transform makes two clean rows and one rejected row of each batch (the scenario's views).</summary>
    public const string Records = "r1\nr2\nr3\n";

    private readonly JsonObject unreadable = [];

    /// <summary>Lands a raw object under --raw_path (gzip-compressed for a .gz key); with <paramref name="readFailure"/>, Spark's read of it fails with that message.</summary>
    public string Land(string relativeKey, string content, string? readFailure = null)
    {
        var path = Path.Combine(glue.LocalPath(s3.Path, "--raw_path"), relativeKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, relativeKey.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(content) : Encoding.UTF8.GetBytes(content));
        var key = Path.GetRelativePath(Path.Combine(s3.Path, glue.Argument("--raw_path")["s3://".Length..].Split('/')[0]), path).Replace('\\', '/');
        if (readFailure is not null)
        {
            unreadable[key] = readFailure;
        }

        return key;
    }

    public string LandCsv(string relativeKey, string? readFailure = null) => Land(relativeKey, PurchaseSchema.CsvHeader + "\n" + Records, readFailure);

    /// <summary>Runs main() to its end; each rule in <paramref name="offending"/> answers that count, the others 0.</summary>
    public async Task<PythonRun> RunAsync(JsonObject? offending = null)
    {
        glue.PlaceSqlFiles(s3.Path);
        glue.PlacePackage(s3.Path);
        var clean = new JsonObject { ["purchase_date"] = Date, ["run_id"] = glue.JobRunId };
        var scenario = new JsonObject
        {
            ["sql"] = GluePaths.SqlFolder,
            ["rules"] = GluePaths.ValidationFolder,
            ["views"] = new JsonObject
            {
                ["clean_purchases"] = new JsonArray(clean.DeepClone(), clean.DeepClone()),
                ["rejected_purchases"] = new JsonArray(new JsonObject { ["reject_reason"] = "invalid_timestamp", ["run_id"] = glue.JobRunId }),
            },
            ["offending"] = offending ?? [],
            ["unreadable"] = unreadable.DeepClone(),
        };
        var file = s3.Combine("scenario.json");
        File.WriteAllText(file, scenario.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return await Python.ScriptAsync("launch_job.py", [GluePaths.JobScript, s3.Path, "-", file, "--", .. glue.Argv()]);
    }

    /// <summary>The objects under the lake's published prefixes and its staging prefix, relative to the lake root.</summary>
    public List<string> LakeFiles()
    {
        var lake = glue.LocalPath(s3.Path, "--lake_path");
        string[] prefixes = [LakePrefixes.CleanPurchases, LakePrefixes.RejectedPurchases, LakePrefixes.Aggregates, LakePrefixes.Manifests, LakePrefixes.Staging];
        return
        [
            .. Directory.EnumerateFiles(lake, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(lake, file).Replace('\\', '/'))
                .Where(key => prefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The manifest the run wrote.</summary>
    public JsonObject Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(glue.LocalPath(s3.Path, "--lake_path"), LakePrefixes.ManifestKey(glue.JobRunId))))!.AsObject();

    /// <summary>The text, UTF-8, gzip-compressed.</summary>
    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
