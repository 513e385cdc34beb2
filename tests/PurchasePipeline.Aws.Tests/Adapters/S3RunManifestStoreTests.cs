using Amazon.Runtime;
using Amazon.S3;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Tests.Contracts;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws.Tests.Adapters;

/// <summary>What the S3 manifest store asks S3 for, and what it makes of S3's errors.</summary>
public sealed class S3RunManifestStoreTests : IAsyncDisposable
{
    private const string Bucket = "purchase-pipeline-lake";
    private const string Object = $"s3://{Bucket}/manifests/jr_1.json";

    private readonly FakeAwsEndpoint endpoint = new();
    private readonly FakeS3 s3 = new(Bucket);

    public S3RunManifestStoreTests() => endpoint.Fallback = s3.Serve;

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Fact]
    public async Task GetAsync_AnyRun_GetsManifestsRunJsonPathStyleSignedForS3()
    {
        await CreateSut().GetAsync("jr_1", CancellationToken.None);

        var request = endpoint.OnlyRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/{Bucket}/manifests/jr_1.json", request.RawPath.Split('?')[0]);
        Assert.Contains($"/{TestClients.Region}/s3/aws4_request,", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_NoSuchKey_ReturnsNull()
    {
        endpoint.Then(s3.Error(404, "NoSuchKey", "The specified key does not exist.", "<Key>manifests/jr_1.json</Key>"));

        Assert.Null(await CreateSut().GetAsync("jr_1", CancellationToken.None));
    }

    /// <summary>Regression: every 404 was read as "no manifest", so a wrong LAKE_BUCKET passed for a run that wrote none.</summary>
    [Fact]
    public async Task GetAsync_NoSuchBucket_ThrowsNamingTheBucket()
    {
        var sut = S3Ports.For(endpoint, "purchase-pipeline-lake-typo").RunManifests;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sut.GetAsync("jr_1", CancellationToken.None));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Contains("s3://purchase-pipeline-lake-typo/manifests/jr_1.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AccessDenied_ThrowsAccessDeniedNamingTheObjectOnOneLine()
    {
        endpoint.Then(s3.Error(403, "AccessDenied", "Access Denied", string.Empty));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => CreateSut().GetAsync("jr_1", CancellationToken.None));

        Assert.StartsWith($"S3 GetObject {Object}: AccessDenied: Access Denied [request id S3REQ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("AccessDenied", error.Data["AwsErrorCode"]);
    }

    [Fact]
    public async Task GetAsync_OtherS3Error_ThrowsAwsServiceExceptionWithCodeStatusAndObject()
    {
        endpoint.Then(s3.Error(403, "InvalidObjectState", "The operation is not valid for the object's storage class", "<StorageClass>GLACIER</StorageClass>"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateSut().GetAsync("jr_1", CancellationToken.None));

        Assert.Equal(("InvalidObjectState", 403), (error.ErrorCode, error.StatusCode));
        Assert.Contains(Object, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("S3REQ", error.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SlowDown_ThrowsThrottlingForTheStateMachineToRetry()
    {
        endpoint.Then(s3.Error(503, "SlowDown", "Please reduce your request rate.", string.Empty));
        // The SDK's own retries wait on the wall clock; the state machine's Retry owns the waiting.
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(TestClients.AccessKey, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            new AmazonS3Config { ServiceURL = endpoint.Endpoint, ForcePathStyle = true, AuthenticationRegion = TestClients.Region, MaxErrorRetry = 0 });
        var sut = new S3RunManifestStore(client, new AwsSettings { Region = TestClients.Region, LakeBucket = Bucket });

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => sut.GetAsync("jr_1", CancellationToken.None));

        Assert.Contains(Object, error.Message, StringComparison.Ordinal);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task GetAsync_NoLakeBucket_ThrowsMissingSettingWithoutCallingS3()
    {
        var sut = S3Ports.For(endpoint, lakeBucket: null).RunManifests;

        var error = await Assert.ThrowsAsync<MissingSettingException>(() => sut.GetAsync("jr_1", CancellationToken.None));

        Assert.Equal(AwsSettings.LakeBucketVariable, error.Variable);
        Assert.Empty(endpoint.Requests);
    }

    private IRunManifestStore CreateSut() => S3Ports.For(endpoint, Bucket).RunManifests;
}
