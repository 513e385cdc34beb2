using Amazon.Runtime;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>Creates a service's <see cref="AwsClient"/>: endpoint, signing HttpClient and throttling retry.</summary>
internal static class AwsClients
{
    /// <remarks>
    /// <c>credentials</c> null takes the SDK's default credential chain; <c>transport</c> null sends over sockets.
    /// </remarks>
    public static AwsClient Create(
        AwsService service, string region, Func<string, string?> environment, TimeProvider time,
        AWSCredentials? credentials = null, HttpMessageHandler? transport = null)
    {
        var endpoint = AwsEndpoint.Resolve(service, region, environment);
        var http = AwsHttp.CreateSigningClient(credentials ?? AwsHttp.DefaultCredentials(), region, service, transport);
        return new AwsClient(http, service, endpoint, new ThrottlingRetry(time));
    }
}
