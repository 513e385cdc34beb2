namespace PurchasePipeline.Infra.Storage;

/// <summary>
/// The bucket's prefixes: the same layout as the local plane's landing/ and lake/ folders
/// (src/PurchasePipeline.Local/Lake/LocalHome.cs) and the Glue job's --raw_path/--lake_path.
/// </summary>
public static class LakeLayout
{
    public const string Raw = "raw/";
    public const string Users = "reference/users/";
    public const string CleanPurchases = "clean/purchases/";
    public const string RejectedPurchases = "rejected/purchases/";
    public const string Aggregates = "aggregates/";
    public const string Manifests = "manifests/";
    public const string Staging = "_staging/";
    public const string AthenaResults = "athena-results/";

    /// <summary>Where the deployment copies glue/sql/*.sql for the job's --sql_path.</summary>
    public const string GlueSql = "glue/sql/";
}
