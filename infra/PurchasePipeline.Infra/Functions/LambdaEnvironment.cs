namespace PurchasePipeline.Infra.Functions;

/// <summary>
/// The environment variables the task Lambdas read their AWS resources from.
/// </summary>
/// <remarks>
/// These names belong to PurchasePipeline.Aws (its AwsSettings record, being written in parallel): when it
/// lands, this class should use its constants instead of declaring them. Until then they are defined here
/// only.
/// </remarks>
public static class LambdaEnvironment
{
    /// <summary>The raw/lake bucket (manifests/ are read from it).</summary>
    public const string Bucket = "PURCHASE_PIPELINE_BUCKET";

    /// <summary>The Glue database the validation queries run against.</summary>
    public const string Database = "PURCHASE_PIPELINE_DATABASE";

    /// <summary>The Athena workgroup (its enforced configuration gives the result location and encryption).</summary>
    public const string WorkGroup = "PURCHASE_PIPELINE_ATHENA_WORKGROUP";

    /// <summary>The account QuickSight API calls name (AwsAccountId).</summary>
    public const string AccountId = "PURCHASE_PIPELINE_AWS_ACCOUNT_ID";
}
