using System.Text;
using Amazon.Runtime;
using PurchasePipeline.Generator.Sinks;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class S3SinkTests
{
    private static readonly BasicAWSCredentials Credentials = new("test-access-key", "test-secret-key");

    [Fact]
    public async Task PutAsync_CustomEndpointFromEnvironment_SendsPathStylePutWithBody()
    {
        await using var server = S3Endpoint("landing-bucket");
        var environment = Environment(("AWS_ENDPOINT_URL_S3", server.Endpoint), ("AWS_REGION", "eu-west-1"));
        var sink = (S3Sink)ObjectSinks.Create("s3://landing-bucket/incoming", environment, Credentials);
        using var _ = sink;
        var body = Encoding.UTF8.GetBytes("user_id,session_id\nUSI_1,abc\n");

        await sink.PutAsync("raw/2026/11/01/purchases-20261101-000001.csv", body, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/landing-bucket/incoming/raw/2026/11/01/purchases-20261101-000001.csv", request.Path);
        Assert.Equal(body, S3Payload.Decode(request));
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), DecodedLength(request));
        Assert.Equal("text/csv", request.Headers["Content-Type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test-access-key/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/s3/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_S3SinkOnGenericEndpoint_PutsEveryObjectWithTheGeneratedBytes()
    {
        await using var server = S3Endpoint("bucket");
        var options = Some.Options("s3://bucket") with { IncludeUsers = true, Format = OutputFormat.JsonLines };
        using var sink = (S3Sink)ObjectSinks.Create(options.Out, Environment(("AWS_ENDPOINT_URL", server.Endpoint)), new AnonymousAWSCredentials());

        await GeneratorRunner.RunAsync(options, sink, TimeProvider.System, null, CancellationToken.None);

        var (expected, result) = await Generated.RunAsync(options);
        Assert.Equal(
            ["/bucket/reference/users/users.csv", .. result.Batches.Select(b => "/bucket/" + b.Key)],
            server.Requests.Select(r => r.Path));
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("PUT", r.Method);
            Assert.Equal(expected.Objects[r.Path["/bucket/".Length..]], S3Payload.Decode(r));
        });
        Assert.Equal("application/x-ndjson", server.Requests.Last().Headers["Content-Type"]);
    }

    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://bucket/", "bucket", "")]
    [InlineData("s3://bucket/landing", "bucket", "landing/")]
    [InlineData("S3://bucket/a/b/", "bucket", "a/b/")]
    public void Parse_S3Address_SplitsBucketAndPrefix(string address, string bucket, string prefix)
    {
        Assert.Equal(new S3Target(bucket, prefix), S3Target.Parse(address));
    }

    private static string? DecodedLength(RecordedRequest request) =>
        request.Headers.TryGetValue("x-amz-decoded-content-length", out var length) ? length
        : request.Headers.GetValueOrDefault("Content-Length");

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    /// <summary>S3 with the sink's bucket, recording the requests.</summary>
    private static FakeAwsEndpoint S3Endpoint(string bucket) => new() { Fallback = new FakeS3(bucket).Serve };
}
