namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// What the wire needs to know of one AWS service, as its model's metadata states it: the signing name,
/// the endpoint prefix, the JSON protocol's target prefix and version, and the service id that names its
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt; variable.
/// </summary>
internal sealed record AwsService(string ServiceId, string SigningName, string EndpointPrefix, string? TargetPrefix, string JsonVersion)
{
    public static AwsService Glue { get; } = new("Glue", "glue", "glue", "AWSGlue", "1.1");

    public static AwsService Athena { get; } = new("Athena", "athena", "athena", "AmazonAthena", "1.1");

    /// <summary>REST-JSON: no target prefix; the operation is the method and path.</summary>
    public static AwsService QuickSight { get; } = new("QuickSight", "quicksight", "quicksight", null, "1.0");

    public static AwsService StepFunctions { get; } = new("SFN", "states", "states", "AWSStepFunctions", "1.0");

    /// <summary>The service-specific endpoint variable the SDKs document (serviceId upper-cased, spaces as '_').</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');

    /// <summary>The Content-Type of the JSON protocols (<c>application/x-amz-json-1.1</c>); REST-JSON sends plain JSON.</summary>
    public string ContentType => TargetPrefix is null ? "application/json" : "application/x-amz-json-" + JsonVersion;
}
