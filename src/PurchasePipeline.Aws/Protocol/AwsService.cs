namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// What the wire needs to know of one AWS service, as its model's metadata states it: the signing name,
/// the endpoint prefix, the protocol, the JSON protocol's target prefix and version (botocore's default
/// 1.0 when the model names none), the query protocol's API version, and the service id that names its
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt; variable.
/// </summary>
internal sealed record AwsService(string ServiceId, string SigningName, string EndpointPrefix, string? TargetPrefix, string JsonVersion)
{
    public const string JsonProtocol = "json";
    public const string RestJsonProtocol = "rest-json";
    public const string QueryProtocol = "query";

    public static AwsService Glue { get; } = new("Glue", "glue", "glue", "AWSGlue", "1.1");

    public static AwsService Athena { get; } = new("Athena", "athena", "athena", "AmazonAthena", "1.1");

    /// <summary>REST-JSON: no target prefix; the operation is the method and path.</summary>
    public static AwsService QuickSight { get; } = new("QuickSight", "quicksight", "quicksight", null, "1.0");

    public static AwsService StepFunctions { get; } = new("SFN", "states", "states", "AWSStepFunctions", "1.0");

    /// <summary>Query protocol: form-encoded Action and Version, XML responses (the model has no jsonVersion).</summary>
    public static AwsService Sns { get; } = new("SNS", "sns", "sns", null, "1.0") { Protocol = QueryProtocol, ApiVersion = "2010-03-31" };

    /// <summary>The model's metadata.protocol: json with a target prefix, else rest-json, unless set (query).</summary>
    public string Protocol { get; init; } = TargetPrefix is null ? RestJsonProtocol : JsonProtocol;

    /// <summary>The model's metadata.apiVersion, which the query protocol sends as <c>Version</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The service-specific endpoint variable the SDKs document (serviceId upper-cased, spaces as '_').</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');

    /// <summary>The request Content-Type: <c>application/x-amz-json-1.1</c> (JSON), plain JSON (REST-JSON), a form (query).</summary>
    public string ContentType => Protocol switch
    {
        QueryProtocol => "application/x-www-form-urlencoded; charset=utf-8",
        RestJsonProtocol => "application/json",
        _ => "application/x-amz-json-" + JsonVersion,
    };
}
