using Amazon.Runtime;
using Amazon.S3;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Athena;
using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws;

/// <summary>
/// The AWS plane's ports, built from <see cref="AwsSettings"/>: one signing client per service, the SDK's
/// default credential chain, endpoint overrides from AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL.
/// </summary>
public static class AwsPorts
{
    /// <summary>The adapters for these variables, with the rules the caller ships.</summary>
    /// <remarks><c>credentials</c> null takes the SDK's default credential chain (tests pass fixed keys).</remarks>
    /// <exception cref="Core.Errors.MissingSettingException">AWS_REGION is not set.</exception>
    public static TaskPorts Create(Func<string, string?> environment, TimeProvider time, AWSCredentials? credentials, IValidationRules rules)
    {
        var settings = AwsSettings.FromEnvironment(environment);
        AwsClient Client(AwsService service) => AwsClients.Create(service, settings.Region, environment, time, credentials);
        var glue = new GlueClient(Client(AwsService.Glue));
        return new TaskPorts
        {
            Crawler = new GlueCrawlerService(glue),
            EtlJob = new GlueEtlJobService(glue),
            RunManifests = new S3RunManifestStore(S3(settings, environment, credentials), settings),
            Query = new AthenaQueryService(new AthenaClient(Client(AwsService.Athena)), settings),
            ValidationRules = rules,
            Dataset = new QuickSightDatasetService(new QuickSightClient(Client(AwsService.QuickSight)), settings),
        };
    }

    /// <summary>S3 with the same endpoint rules; a custom endpoint is addressed path-style (LocalStack, MinIO, a fake).</summary>
    private static AmazonS3Client S3(AwsSettings settings, Func<string, string?> environment, AWSCredentials? credentials)
    {
        var config = new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) };
        var endpoint = environment("AWS_ENDPOINT_URL_S3") is { Length: > 0 } s3 ? s3 : environment(AwsEndpoint.GlobalOverrideVariable);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.Region;
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
