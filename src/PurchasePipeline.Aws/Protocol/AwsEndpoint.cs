namespace PurchasePipeline.Aws.Protocol;

/// <summary>Where a service's requests go: its regional endpoint, or the override the SDKs honour.</summary>
internal static class AwsEndpoint
{
    /// <summary>The override for every service (LocalStack, a test fake).</summary>
    public const string GlobalOverrideVariable = "AWS_ENDPOINT_URL";

    /// <summary>AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL, then https://{prefix}.{region}.amazonaws.com.</summary>
    public static Uri Resolve(AwsService service, string region, Func<string, string?> environment)
    {
        var overridden = NonEmpty(environment(service.EndpointVariable)) ?? NonEmpty(environment(GlobalOverrideVariable));
        var text = overridden ?? $"https://{service.EndpointPrefix}.{region}.amazonaws.com";
        return Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"endpoint {text} of {service.ServiceId} is not an http(s) URL", nameof(environment));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
