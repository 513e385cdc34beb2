using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Tests.Clients;

/// <summary>Errors become the pipeline's typed errors, each with the request id; only throttling is retried here.</summary>
public sealed class AwsClientErrorTests : IAsyncDisposable
{
    private readonly FakeAwsEndpoint endpoint = new();
    private readonly InstantTimeProvider time = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Theory]
    [InlineData("EntityNotFoundException", typeof(EntityNotFoundException))]
    [InlineData("AccessDeniedException", typeof(AccessDeniedException))]
    [InlineData("InvalidInputException", typeof(AwsServiceException))]
    [InlineData("InternalServiceException", typeof(AwsServiceException))]
    public async Task GetJobRun_ErrorCode_MapsToTypedErrorWithRequestId(string code, Type expected)
    {
        endpoint.Then(new ScriptedResponse(400, $$"""{"__type":"com.amazonaws.glue#{{code}}","message":"nope"}""", new Dictionary<string, string> { ["x-amzn-RequestId"] = "rid-42" }));

        var error = await Assert.ThrowsAnyAsync<PipelineException>(() => Glue().GetJobRunAsync("job", "jr_1", CancellationToken.None));

        Assert.IsType(expected, error);
        Assert.Contains("rid-42", error.Message, StringComparison.Ordinal);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task StartCrawler_CrawlerRunning_ThrowsCrawlerRunningWithRequestId()
    {
        endpoint.Then(ScriptedResponse.Error(400, "CrawlerRunningException", "Crawler with name raw has already started"));
        var error = await Assert.ThrowsAsync<CrawlerRunningException>(() => Glue().StartCrawlerAsync("raw", CancellationToken.None));
        Assert.Equal("req-1", error.Data["AwsRequestId"]);
        Assert.Equal("crawler raw is already running (Crawler with name raw has already started [request id req-1])", error.Message);
    }

    [Fact]
    public async Task StartJobRun_ConcurrentRunsExceeded_NotRetried()
    {
        endpoint.Then(ScriptedResponse.Error(400, "ConcurrentRunsExceededException", "Concurrent runs exceeded for job"));
        var error = await Assert.ThrowsAsync<ConcurrentRunsExceededException>(() => Glue().StartJobRunAsync("job", CancellationToken.None));
        Assert.Equal("job", error.JobName);
        Assert.Contains("[request id req-1]", error.Message, StringComparison.Ordinal);
        Assert.Single(endpoint.Requests);
    }

    [Theory]
    [InlineData(400, "ThrottlingException")]
    [InlineData(400, "TooManyRequestsException")]
    [InlineData(400, "Throttling")]
    [InlineData(400, "ProvisionedThroughputExceededException")]
    [InlineData(429, "SomethingElse")]
    public async Task Call_ThrottledThenOk_RetriesWithBackoffAndSucceeds(int status, string code)
    {
        endpoint.Then(ScriptedResponse.Error(status, code, "Rate exceeded"), ScriptedResponse.Ok("""{"JobRunId":"jr_9"}"""));

        var runId = await Glue().StartJobRunAsync("job", CancellationToken.None);

        Assert.Equal("jr_9", runId);
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Single(time.Waits);
        Assert.All(endpoint.Requests, request => Assert.NotNull(request.Header("Authorization")));
    }

    [Fact]
    public async Task Call_ThrottledEveryTime_ThrowsThrottlingAfterBoundedAttempts()
    {
        endpoint.Fallback = _ => ScriptedResponse.Error(400, "ThrottlingException", "Rate exceeded");

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => Glue().GetCrawlerAsync("raw", CancellationToken.None));

        Assert.Equal(ThrottlingRetry.MaxAttempts, endpoint.Requests.Count);
        Assert.Contains("[request id req-3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_NonJsonSuccessBody_ThrowsInvalidResponseWithRequestId()
    {
        endpoint.Then(new ScriptedResponse(200, "<html>gateway</html>", new Dictionary<string, string> { ["x-amzn-RequestId"] = "rid-7" }));
        var error = await Assert.ThrowsAsync<InvalidServiceResponseException>(() => Glue().GetCrawlerAsync("raw", CancellationToken.None));
        Assert.Equal("rid-7", error.RequestId);
    }

    [Fact]
    public async Task Call_MissingRequiredMember_ThrowsInvalidResponseNamingIt()
    {
        endpoint.Then(ScriptedResponse.Ok("""{"Crawler":{"Name":"raw"}}"""));
        var error = await Assert.ThrowsAsync<InvalidServiceResponseException>(() => Glue().GetCrawlerAsync("raw", CancellationToken.None));
        Assert.Contains("Crawler.State", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_NonJsonErrorBody_ThrowsServiceErrorWithStatusAndRequestId()
    {
        endpoint.Then(new ScriptedResponse(502, "Bad Gateway"));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Glue().GetCrawlerAsync("raw", CancellationToken.None));
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
    }

    [Fact]
    public async Task DescribeIngestion_ResourceNotFoundViaHeader_ThrowsEntityNotFound()
    {
        endpoint.Then(new ScriptedResponse(404, """{"Message":"ingestion not found"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException:http://internal.amazon.com/" }));
        var quickSight = new QuickSightClient(TestClients.For(AwsService.QuickSight, endpoint, time));
        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => quickSight.DescribeIngestionAsync("1", "ds", "pp-1", CancellationToken.None));
        Assert.Contains("ingestion not found", error.Message, StringComparison.Ordinal);
    }

    private GlueClient Glue() => new(TestClients.For(AwsService.Glue, endpoint, time));
}
