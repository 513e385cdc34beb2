using Amazon.Runtime;
using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Tests.Support;

/// <summary>Clients pointed at a fake endpoint through AWS_ENDPOINT_URL_&lt;SERVICE&gt;, signing with fixed test keys.</summary>
internal static class TestClients
{
    public const string Region = "eu-west-1";
    public const string AccessKey = "AKIDEXAMPLE";

    public static AwsClient For(AwsService service, FakeAwsEndpoint endpoint, TimeProvider? time = null) =>
        AwsClients.Create(
            service, Region,
            name => name == service.EndpointVariable ? endpoint.Endpoint : null,
            time ?? new InstantTimeProvider(),
            new BasicAWSCredentials(AccessKey, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    /// <summary>The credential scope a request signed for the service must carry.</summary>
    public static string CredentialScopeSuffix(AwsService service) => $"/{Region}/{service.SigningName}/aws4_request";
}
