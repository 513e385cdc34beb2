using PurchasePipeline.Core.Lake;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// The manifest contract on S3, behind a fake S3 that serves the lake bucket path-style; the store is built
/// as the functions build it (<see cref="AwsPorts.Create"/> with AWS_ENDPOINT_URL_S3 pointing at the fake).
/// </summary>
public sealed class S3RunManifestStoreContractTests : RunManifestStoreContract, IAsyncDisposable
{
    private const string Bucket = "purchase-pipeline-lake";

    private readonly FakeAwsEndpoint endpoint = new();
    private readonly FakeS3 s3 = new(Bucket);

    public S3RunManifestStoreContractTests() => endpoint.Fallback = s3.Serve;

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    protected override IRunManifestStore CreateSut() => S3Ports.For(endpoint, Bucket).RunManifests;

    protected override Task CommitAsync(string runId, string text)
    {
        s3.Put(LakePrefixes.ManifestKey(runId), text);
        return Task.CompletedTask;
    }
}
