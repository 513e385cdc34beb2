using Amazon.Runtime;
using Amazon.S3;

namespace PurchasePipeline.Generator.Sinks;

/// <summary>
/// Builds the S3 client. A custom endpoint (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL: LocalStack, MinIO,
/// a test fake) is used with path-style addressing, since such endpoints rarely serve bucket subdomains.
/// </summary>
internal static class S3ClientFactory
{
    private const string DefaultRegion = "us-east-1";

    /// <param name="environment">Reads an environment variable; null or empty means unset.</param>
    /// <param name="credentials">Credentials to use; null takes the SDK's default credential chain.</param>
    public static AmazonS3Client Create(Func<string, string?> environment, AWSCredentials? credentials)
    {
        var config = new AmazonS3Config();
        var endpoint = Variable(environment, "AWS_ENDPOINT_URL_S3") ?? Variable(environment, "AWS_ENDPOINT_URL");
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = Variable(environment, "AWS_REGION") ?? Variable(environment, "AWS_DEFAULT_REGION") ?? DefaultRegion;
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    private static string? Variable(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } value ? value : null;
}
