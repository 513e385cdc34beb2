using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// Builds a service's signing <see cref="HttpClient"/>: AWSSDK.Core's <see cref="SigV4SigningHandler"/>
/// (a DelegatingHandler that signs every send with the credentials, region and signing name) over a
/// pooled <see cref="SocketsHttpHandler"/>.
/// </summary>
internal static class AwsHttp
{
    /// <summary>The SDK's default credential chain (environment, profile, container/instance roles); resolved on each send, cached by the SDK.</summary>
    public static AWSCredentials DefaultCredentials() => DefaultAWSCredentialsIdentityResolver.GetCredentials();

    public static HttpClient CreateSigningClient(AWSCredentials credentials, string region, AwsService service, HttpMessageHandler? transport = null)
    {
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), service.SigningName, transport ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        return new HttpClient(signing) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
