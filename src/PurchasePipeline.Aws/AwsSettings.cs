using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws;

/// <summary>
/// The AWS plane's settings, read from the functions' environment variables (named once, here). Only the
/// region is needed by every function; each adapter asks for its own settings when it first needs them, so
/// a function is configured with the variables of the services it calls and no more.
/// </summary>
public sealed record AwsSettings
{
    public const string RegionVariable = "AWS_REGION";

    /// <summary>The AWS CLI's fallback when AWS_REGION is not set (Lambda sets both).</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";
    public const string LakeBucketVariable = "LAKE_BUCKET";
    public const string AthenaWorkGroupVariable = "ATHENA_WORKGROUP";
    public const string AthenaDatabaseVariable = "ATHENA_DATABASE";
    public const string AthenaOutputLocationVariable = "ATHENA_OUTPUT_LOCATION";
    public const string QuickSightAccountIdVariable = "QUICKSIGHT_ACCOUNT_ID";

    /// <summary>The region every client signs for and whose endpoints it calls.</summary>
    public required string Region { get; init; }

    /// <summary>The lake bucket (manifests/{runId}.json).</summary>
    public string? LakeBucket { get; init; }

    public string? AthenaWorkGroup { get; init; }

    public string? AthenaDatabase { get; init; }

    /// <summary>s3://… for query results; optional when the workgroup enforces its own location.</summary>
    public string? AthenaOutputLocation { get; init; }

    /// <summary>The account that owns the QuickSight dataset.</summary>
    public string? QuickSightAccountId { get; init; }

    /// <exception cref="MissingSettingException">Neither AWS_REGION nor AWS_DEFAULT_REGION is set.</exception>
    public static AwsSettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new AwsSettings
        {
            Region = ReadRegion(environment),
            LakeBucket = Value(environment, LakeBucketVariable),
            AthenaWorkGroup = Value(environment, AthenaWorkGroupVariable),
            AthenaDatabase = Value(environment, AthenaDatabaseVariable),
            AthenaOutputLocation = Value(environment, AthenaOutputLocationVariable),
            QuickSightAccountId = Value(environment, QuickSightAccountIdVariable),
        };
    }

    /// <summary>The value of a setting an adapter needs, or a one-line error naming its variable.</summary>
    public static string Required(string? value, string variable, string purpose) =>
        string.IsNullOrWhiteSpace(value) ? throw new MissingSettingException(variable, purpose) : value;

    /// <summary>The region as the AWS CLI and SDKs read it: AWS_REGION, else AWS_DEFAULT_REGION.</summary>
    /// <exception cref="MissingSettingException">Neither is set.</exception>
    public static string ReadRegion(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Required(
            Value(environment, RegionVariable) ?? Value(environment, DefaultRegionVariable),
            RegionVariable,
            $"the region of the AWS services, or {DefaultRegionVariable} as for the AWS CLI; Lambda sets both");
    }

    private static string? Value(Func<string, string?> environment, string variable) =>
        environment(variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
