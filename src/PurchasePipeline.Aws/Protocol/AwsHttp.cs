using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// Builds a service's signing <see cref="HttpClient"/>: AWSSDK.Core's <see cref="SigV4SigningHandler"/>
/// (a DelegatingHandler that signs every send with the credentials, region and signing name) over a
/// pooled <see cref="SocketsHttpHandler"/>.
/// </summary>
internal static class AwsHttp
{
    /// <summary>The SDK's default credential chain (environment, profile, container/instance roles); resolved on each send, cached by the SDK.</summary>
    /// <exception cref="MissingSettingException">No provider of the chain has credentials (the SDK's error lists each provider's on 6 lines).</exception>
    public static AWSCredentials DefaultCredentials()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException e)
        {
            throw new MissingSettingException(
                "AWS_ACCESS_KEY_ID",
                "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, as for the AWS CLI",
                e);
        }
    }

    public static HttpClient CreateSigningClient(AWSCredentials credentials, string region, AwsService service, HttpMessageHandler? transport = null)
    {
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), service.SigningName, transport ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        return new HttpClient(signing) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
