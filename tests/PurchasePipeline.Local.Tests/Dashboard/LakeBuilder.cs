using System.Globalization;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Tests.Dashboard;

/// <summary>
/// Writes a small lake the way the ETL lays it out: Hive-partitioned Parquet written by DuckDB
/// (COPY … PARTITION_BY) and manifest JSON written with RunManifestJson.
/// </summary>
internal sealed class LakeBuilder(LocalHome home)
{
    private const string SalesColumns = "orders BIGINT, revenue DECIMAL(18,2), margin DECIMAL(18,2), purchase_date DATE";

    public LakeBuilder Categories(params (string Date, string Category, long Orders, decimal Revenue, decimal Margin)[] rows) =>
        Write(Path.Combine(home.Aggregates, "agg_daily_category"), "category VARCHAR, " + SalesColumns, "purchase_date",
            rows.Select(r => Values(r.Category, r.Orders, r.Revenue, r.Margin, r.Date)));

    public LakeBuilder Devices(params (string Date, string Device, long Orders, decimal Revenue, decimal Margin)[] rows) =>
        Write(Path.Combine(home.Aggregates, "agg_daily_device"), "device_type VARCHAR, " + SalesColumns, "purchase_date",
            rows.Select(r => Values(r.Device, r.Orders, r.Revenue, r.Margin, r.Date)));

    public LakeBuilder Payments(params (string Date, string Method, long Orders, decimal Revenue, decimal Margin)[] rows) =>
        Write(Path.Combine(home.Aggregates, "agg_daily_payment"), "payment_method VARCHAR, " + SalesColumns, "purchase_date",
            rows.Select(r => Values(r.Method, r.Orders, r.Revenue, r.Margin, r.Date)));

    public LakeBuilder Brands(params (string Date, string Brand, string Category, long Orders, decimal Revenue, decimal Margin)[] rows) =>
        Write(Path.Combine(home.Aggregates, "agg_daily_brand"),
            "brand VARCHAR, category VARCHAR, orders BIGINT, revenue DECIMAL(18,2), margin DECIMAL(18,2), revenue_rank BIGINT, purchase_date DATE",
            "purchase_date",
            rows.Select((r, i) => Values(r.Brand, r.Category, r.Orders, r.Revenue, r.Margin, i + 1, r.Date)));

    public LakeBuilder Segments(params (string Date, string Gender, string AgeBand, long Orders, decimal Revenue)[] rows) =>
        Write(Path.Combine(home.Aggregates, "agg_daily_segment"),
            "gender VARCHAR, age_band VARCHAR, orders BIGINT, revenue DECIMAL(18,2), purchase_date DATE",
            "purchase_date",
            rows.Select(r => Values(r.Gender, r.AgeBand, r.Orders, r.Revenue, r.Date)));

    /// <summary>Rejected rows of one run: <c>count</c> rows for each reason.</summary>
    public LakeBuilder Rejected(string runId, params (string Reason, int Count)[] reasons) =>
        Write(home.RejectedPurchases, "reject_reason VARCHAR, source_file VARCHAR, source_row BIGINT, run_id VARCHAR", "run_id",
            reasons.SelectMany(r => Enumerable.Range(1, r.Count).Select(n => Values(r.Reason, "raw/a.csv", n, runId))));

    /// <summary>Clean purchases: one row per (date, user).</summary>
    public LakeBuilder Clean(params (string Date, string UserId)[] rows) =>
        Write(home.CleanPurchases, "purchase_id VARCHAR, user_id VARCHAR, purchase_date DATE", "purchase_date",
            rows.Select((r, i) => Values("p" + i.ToString(CultureInfo.InvariantCulture), r.UserId, r.Date)));

    public LakeBuilder Manifest(RunManifest manifest)
    {
        Directory.CreateDirectory(home.Manifests);
        File.WriteAllText(Path.Combine(home.Manifests, manifest.RunId + ".json"), RunManifestJson.Serialize(manifest));
        return this;
    }

    private LakeBuilder Write(string folder, string columns, string partitionBy, IEnumerable<string> rows)
    {
        Directory.CreateDirectory(folder);
        var definitions = columns.Split(", ").Select(c => c.Split(' ', 2)).ToList();
        var select = string.Join(", ", definitions.Select(d => $"CAST({d[0]} AS {d[1]}) AS {d[0]}"));
        var names = string.Join(", ", definitions.Select(d => d[0]));
        using var connection = Duck.Duck.OpenInMemory();
        connection.Execute($"""
            COPY (SELECT {select} FROM (VALUES {string.Join(", ", rows)}) AS t({names}))
            TO {Duck.Duck.PathLiteral(folder)} (FORMAT parquet, PARTITION_BY ({partitionBy}), APPEND)
            """);
        return this;
    }

    private static string Values(params object[] values) =>
        "(" + string.Join(", ", values.Select(v => v switch
        {
            string s => Duck.Duck.Literal(s),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new ArgumentException("unsupported value " + v, nameof(values)),
        })) + ")";
}
