namespace PurchasePipeline.Core.Lake;

/// <summary>
/// The prefixes of the pipeline's bucket, defined once: CDK's permissions, tables and job arguments (infra),
/// the S3 manifest store, the local plane's landing/ and lake/ folders (LocalHome) and the Glue job
/// (glue/jobs, held to these values by Glue.Tests' LakePrefixesTests) all use them.
/// </summary>
public static class LakePrefixes
{
    /// <summary>Raw purchase objects land here (the job's --raw_path, the crawler's target).</summary>
    public const string Raw = "raw/";

    /// <summary>The optional user dimension.</summary>
    public const string Users = "reference/users/";

    public const string CleanPurchases = "clean/purchases/";

    public const string RejectedPurchases = "rejected/purchases/";

    public const string Aggregates = "aggregates/";

    /// <summary>One run manifest per job run: <see cref="ManifestKey"/>.</summary>
    public const string Manifests = "manifests/";

    /// <summary>A run's output before it is committed.</summary>
    public const string Staging = "_staging/";

    /// <summary>The local committer's journal of a run being committed (the local plane only).</summary>
    public const string Commits = "_commits/";

    public const string AthenaResults = "athena-results/";

    /// <summary>Where the deployment copies glue/sql/*.sql for the job's --sql_path.</summary>
    public const string GlueSql = "glue/sql/";

    /// <summary>Where the deployment copies glue/validation/*.sql for the job's --validation_path (its audit before publishing).</summary>
    public const string GlueValidation = "glue/validation/";

    /// <summary>The key of a job run's manifest, relative to the lake root.</summary>
    public static string ManifestKey(string jobRunId) => Manifests + jobRunId + ".json";
}
