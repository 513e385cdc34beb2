namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// The Athena tables the validation rules query (glue/validation/README.md). Column names and types are
/// the Glue job's output (glue/sql/03_clean_purchases.sql, 02_rejected_purchases.sql) and the run
/// manifest (RunManifestJson, snake_case).
/// </summary>
public static class LakeTables
{
    public const string CleanPurchases = "clean_purchases";
    public const string RejectedPurchases = "rejected_purchases";
    public const string RunManifests = "run_manifests";
    public const string RunPartitions = "run_partitions";

    /// <summary>Every table and view the validation queries read.</summary>
    public static IReadOnlyList<string> All { get; } = [CleanPurchases, RejectedPurchases, RunManifests, RunPartitions];

    public static IReadOnlyList<(string Name, string Type)> CleanColumns { get; } =
    [
        ("purchase_id", "string"), ("user_id", "string"), ("session_id", "string"), ("category", "string"),
        ("brand", "string"), ("cost_price", "bigint"), ("selling_price", "decimal(12,2)"), ("discount", "bigint"),
        ("net_revenue", "decimal(14,2)"), ("margin", "decimal(14,2)"), ("purchased_at", "timestamp"),
        ("referrer", "string"), ("device_type", "string"), ("os", "string"), ("browser", "string"),
        ("ip_address", "string"), ("payment_method", "string"), ("source_file", "string"), ("source_row", "bigint"),
        ("run_id", "string"),
    ];

    public static IReadOnlyList<(string Name, string Type)> RejectedColumns { get; } =
    [
        ("reject_reason", "string"), ("source_file", "string"), ("source_row", "bigint"), ("user_id", "string"),
        ("session_id", "string"), ("category", "string"), ("brand", "string"), ("cost_price", "string"),
        ("selling_price", "string"), ("discount", "string"), ("timestamp", "string"), ("referrer", "string"),
        ("device_type", "string"), ("os", "string"), ("browser", "string"), ("ip_address", "string"),
        ("payment_method", "string"), ("extra_fields", "string"), ("reject_id", "string"),
    ];

    public static IReadOnlyList<(string Name, string Type)> ManifestColumns { get; } =
    [
        ("run_id", "string"), ("job_name", "string"), ("started_at", "string"), ("completed_at", "string"),
        ("rows_in", "bigint"), ("rows_clean", "bigint"), ("rows_rejected", "bigint"), ("rows_deduplicated", "bigint"),
        ("files", "array<struct<key:string,e_tag:string,row_count:bigint>>"),
        ("partitions", "array<struct<purchase_date:string,row_count:bigint>>"),
        ("rejected_by_reason", "map<string,bigint>"),
        ("bookmark_before", "struct<objects:bigint,digest:string>"),
        ("bookmark_after", "struct<objects:bigint,digest:string>"),
    ];

    /// <summary>
    /// run_partitions: one row per clean partition a run's manifest lists. Trino unnests an array of ROW into one
    /// column per field, so the alias list names the struct's fields, in the order ManifestColumns declares them.
    /// </summary>
    public const string RunPartitionsSql =
        "SELECT m.run_id, t.purchase_date, t.row_count FROM run_manifests AS m "
        + "CROSS JOIN UNNEST(m.partitions) AS t (purchase_date, row_count)";

    /// <summary>The view's columns as Hive (Glue) and Presto (Athena) types.</summary>
    public static IReadOnlyList<(string Name, string HiveType, string PrestoType)> RunPartitionsColumns { get; } =
    [
        ("run_id", "string", "varchar"), ("purchase_date", "string", "varchar"), ("row_count", "bigint", "bigint"),
    ];

    /// <summary>First day partition projection lists for clean_purchases.purchase_date.</summary>
    public const string FirstPurchaseDate = "2020-01-01";
}
