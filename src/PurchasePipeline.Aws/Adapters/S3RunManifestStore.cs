using Amazon.S3;
using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>
/// Reads the manifest a Glue run committed at s3://{lake bucket}/manifests/{runId}.json. A missing key
/// (NoSuchKey) is null; any other S3 error, a missing bucket included, is a typed error naming the object
/// (<see cref="S3Failure"/>).
/// </summary>
public sealed class S3RunManifestStore : IRunManifestStore
{
    private readonly IAmazonS3 s3;
    private readonly AwsSettings settings;

    internal S3RunManifestStore(IAmazonS3 s3, AwsSettings settings)
    {
        this.s3 = s3;
        this.settings = settings;
    }

    public async Task<RunManifest?> GetAsync(string jobRunId, CancellationToken cancellationToken)
    {
        var bucket = AwsSettings.Required(settings.LakeBucket, AwsSettings.LakeBucketVariable, "the lake bucket holding the run manifests");
        var key = LakePrefixes.ManifestKey(jobRunId);
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream);
            return RunManifestJson.Deserialize(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), $"s3://{bucket}/{key}");
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
        catch (AmazonS3Exception e)
        {
            throw S3Failure.Of("GetObject", bucket, key, e);
        }
    }
}
