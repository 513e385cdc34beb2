using Amazon.Runtime;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>The AWS ports as a function builds them, with S3 (and only S3) pointed at a fake endpoint.</summary>
internal static class S3Ports
{
    public static TaskPorts For(FakeAwsEndpoint endpoint, string? lakeBucket) =>
        AwsPorts.Create(
            name => name switch
            {
                AwsSettings.RegionVariable => TestClients.Region,
                AwsSettings.LakeBucketVariable => lakeBucket,
                "AWS_ENDPOINT_URL_S3" => endpoint.Endpoint,
                _ => null,
            },
            new InstantTimeProvider(),
            new BasicAWSCredentials(TestClients.AccessKey, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            new FakeValidationRules());
}
