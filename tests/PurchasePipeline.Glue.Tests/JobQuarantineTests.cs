using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// How the Glue job takes the new objects its bookmarked sources list (probe_objects, run by scripts/inspect_job.py
/// over the folder S3 of scripts/glue_fakes.py): an object it cannot read is quarantined with a one-line reason,
/// the rest are read; it used to end the run (exit 1), so the object stayed new and failed every later run
/// (issue 9, finding 3). The commit then bookmarks both, so a quarantined object is not read again until a new
/// version of it is uploaded (Glue's S3 bookmark keys on the object's path and modification time).
/// </summary>
[Trait("Requires", "python3")]
public sealed class JobQuarantineTests : IDisposable
{
    private const string Bucket = "purchases-raw";
    private const string Row = "USI_1,0123456789abcdef0123456789abcdef,Laptops,Dell,800,900.00,10,2026-11-25 10:00:00,0,desktop,Windows,Edge,10.0.0.1,paypal\n";

    private readonly TempDirectory s3 = new();

    public void Dispose() => s3.Dispose();

    [Fact]
    public async Task Probe_PoisonObjectsAmongGoodOnes_QuarantinesEachWithWhyAndReadsTheRest()
    {
        var good = Put("raw/2026/11/25/a.csv", Encoding.UTF8.GetBytes(PurchaseSchema.CsvHeader + "\n" + Row));
        var headerless = Put("raw/2026/11/25/b.csv", Encoding.UTF8.GetBytes(Row + Row));
        var lines = Put("raw/2026/11/25/c.jsonl", Encoding.UTF8.GetBytes("{\"user_id\": \"USI_1\"}\n"));
        var text = Put("raw/2026/11/25/d.txt", Encoding.UTF8.GetBytes("root:x:0:0:root:/root:/bin/bash\n"));
        var empty = Put("raw/2026/11/25/e.csv", []);

        var probed = await ProbeAsync("raw/2026/11/25/d.txt", "raw/2026/11/25/c.jsonl", "raw/2026/11/25/b.csv", "raw/2026/11/25/a.csv", "raw/2026/11/25/e.csv", "raw/2026/11/25/d.txt");

        Assert.Equal(
            [("raw/2026/11/25/a.csv", good, true), ("raw/2026/11/25/c.jsonl", lines, false)],
            probed.GetProperty("read").EnumerateArray().Select(o => (o[0].GetString(), o[1].GetString(), o[2].ValueKind == JsonValueKind.Array)));
        AssertQuarantined(
            probed,
            ("raw/2026/11/25/b.csv", headerless, "header lacks column user_id"),
            ("raw/2026/11/25/d.txt", text, "not a purchase file (expected *.csv, *.csv.gz or *.jsonl under raw/)"),
            ("raw/2026/11/25/e.csv", empty, "file is empty"));
    }

    /// <summary>
    /// Glue and Athena read gzip-compressed CSV, and so does the local plane; the job refused .csv.gz ("not a purchase file").
    /// Spark's readers decompress by the extension (apache/spark, sql/core/src/main/scala/org/apache/spark/sql/execution/
    /// datasources/CodecStreams.scala, createInputStream through Hadoop's CompressionCodecFactory); the header probe reads
    /// a 64 KiB range of the compressed object, which decompresses to the start of the text.
    /// </summary>
    [Fact]
    public async Task Probe_GzipCompressedCsv_ReadsItsHeaderFromTheFirstCompressedBytes()
    {
        var rows = new StringBuilder(PurchaseSchema.CsvHeader.ToUpperInvariant() + "\n");
        while (rows.Length < 1_500_000)
        {
            rows.Append(Row.Replace("0123456789abcdef0123456789abcdef", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), StringComparison.Ordinal));
        }

        var large = ScriptedLaunch.Gzip(rows.ToString());
        Assert.True(large.Length > 65536, "the compressed object must be larger than the probe's range");
        var etag = Put("raw/2026/11/25/big.csv.gz", large);
        Put("raw/2026/11/25/not-gzip.csv.gz", Encoding.UTF8.GetBytes(PurchaseSchema.CsvHeader + "\n" + Row));
        Put("raw/2026/11/25/bad-header.csv.gz", ScriptedLaunch.Gzip("user_id,session_id\n"));

        var probed = await ProbeAsync("raw/2026/11/25/big.csv.gz", "raw/2026/11/25/not-gzip.csv.gz", "raw/2026/11/25/bad-header.csv.gz");

        var read = Assert.Single(probed.GetProperty("read").EnumerateArray());
        Assert.Equal(("raw/2026/11/25/big.csv.gz", etag), (read[0].GetString(), read[1].GetString()));
        Assert.Equal(PurchaseSchema.ColumnNames, read[2].EnumerateArray().Select(c => c.GetString()!));
        AssertQuarantined(
            probed,
            ("raw/2026/11/25/bad-header.csv.gz", null, "header lacks column category"),
            ("raw/2026/11/25/not-gzip.csv.gz", null, "not gzip-compressed"));
    }

    /// <summary>The quarantined objects are these, in key order, each with its ETag and a reason that starts as given.</summary>
    private static void AssertQuarantined(JsonElement probed, params (string Key, string? ETag, string Reason)[] expected)
    {
        var actual = probed.GetProperty("quarantined").EnumerateArray().Select(o => (Key: o[0].GetString()!, ETag: o[1].GetString()!, Reason: o[2].GetString()!)).ToList();
        Assert.Equal(expected.Select(e => e.Key), actual.Select(a => a.Key));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.StartsWith(e.Reason, a.Reason, StringComparison.Ordinal);
            Assert.True(e.ETag is null || e.ETag == a.ETag, $"{a.Key}: etag {a.ETag}, expected {e.ETag}");
            Assert.DoesNotContain('\n', a.Reason);
        }
    }

    private Task<JsonElement> ProbeAsync(params string[] keys) => Python.InspectJobAsync(["probe", s3.Path, Bucket, .. keys]);

    /// <summary>Writes the object and returns its ETag as the job records it (S3's MD5, unquoted).</summary>
    private string Put(string key, byte[] content)
    {
        var path = s3.Combine([Bucket, .. key.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
#pragma warning disable CA5351 // S3's ETag is an MD5; it identifies content, it protects nothing.
        return Convert.ToHexStringLower(MD5.HashData(content));
#pragma warning restore CA5351
    }
}
