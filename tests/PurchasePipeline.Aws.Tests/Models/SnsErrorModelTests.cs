using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Sns;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// Every error botocore's sns model lists for Publish, sent as SNS sends it (XML, the shape's code and HTTP
/// status), becomes a typed error with the service's message and request id and the name Step Functions gives it.
/// </summary>
[Trait("Requires", "botocore")]
public sealed class SnsErrorModelTests : IAsyncDisposable
{
    private const string Topic = "arn:aws:sns:eu-west-1:123456789012:purchase-pipeline-alerts";

    private static readonly ServiceModel Sns = ServiceModel.Load("sns");

    // Our mapping of codes to typed errors (AwsErrors); every other modeled error is an AwsServiceException.
    private static readonly Dictionary<string, Type> Typed = new(StringComparer.Ordinal)
    {
        ["NotFound"] = typeof(EntityNotFoundException),
        ["AuthorizationError"] = typeof(AccessDeniedException),
        ["InvalidSecurity"] = typeof(AccessDeniedException),
        ["KMSAccessDenied"] = typeof(AccessDeniedException),
        ["KMSOptInRequired"] = typeof(AccessDeniedException),
        ["KMSThrottling"] = typeof(ThrottlingException),
        ["Throttled"] = typeof(ThrottlingException),
    };

    private readonly FakeAwsEndpoint endpoint = new();
    private readonly InstantTimeProvider time = new();

    /// <summary>Publish's errors in the model, and ThrottledException (SNS's throttling, which the model lists on other operations).</summary>
    public static TheoryData<string> PublishErrors =>
        [.. Sns.Operation("Publish")["errors"]!.AsArray().Select(e => (string)e!["shape"]!).Append("ThrottledException").Distinct()];

    /// <summary>Every exception shape of the model.</summary>
    public static TheoryData<string> ExceptionShapes =>
        [.. Sns.Root["shapes"]!.AsObject().Where(s => (bool?)s.Value!["exception"] == true).Select(s => s.Key)];

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Theory]
    [MemberData(nameof(PublishErrors))]
    public async Task Publish_ModeledError_ThrowsTypedErrorWithMessageRequestIdAndStatesName(string shape)
    {
        var (status, body) = new QuerySampleResponse(Sns).Error(shape, "the service says no");
        var code = (string?)Sns.Shape(shape)["error"]?["code"] ?? shape;
        endpoint.Fallback = _ => new ScriptedResponse(status, body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "rid-77" });

        var error = await Assert.ThrowsAnyAsync<PipelineException>(() => CreateSut().PublishAsync(Topic, "m", "s", CancellationToken.None));

        Assert.IsType(Typed.GetValueOrDefault(code, typeof(AwsServiceException)), error);
        Assert.Contains("the service says no", error.Message, StringComparison.Ordinal);
        Assert.Contains("rid-77", error.Message, StringComparison.Ordinal);
        Assert.Equal(code, error.Data["AwsErrorCode"]);
        Assert.Equal(StatesName(shape), SnsErrors.StatesErrorName(error));
        // Only throttling is retried by the client; the definition's Retry owns every other error.
        Assert.Equal(error is ThrottlingException ? ThrottlingRetry.MaxAttempts : 1, endpoint.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(ExceptionShapes))]
    public void StatesErrorName_EveryModeledCode_IsSnsDotShapeWithExceptionSuffix(string shape) =>
        Assert.Equal(StatesName(shape), SnsErrors.StatesErrorName((string?)Sns.Shape(shape)["error"]?["code"] ?? shape));

    [Fact]
    public void StatesErrorName_TheDefinitionsRetriedErrors_AreModeledNames()
    {
        // A definition's sns:publish task retries on these names (as the pipeline's NotifyFailure did): they must be names we produce.
        Assert.Equal("SNS.ThrottledException", SnsErrors.StatesErrorName("Throttled"));
        Assert.Equal("SNS.InternalErrorException", SnsErrors.StatesErrorName("InternalError"));
        Assert.Equal("SNS.InvalidParameterException", SnsErrors.StatesErrorName("InvalidParameter"));
    }

    [Fact]
    public async Task Publish_ThrottledThenOk_RetriedWithBackoffAndSucceeds()
    {
        endpoint.Then(
            new ScriptedResponse(400, new QuerySampleResponse(Sns).ErrorBody("Throttling", "Rate exceeded")),
            ScriptedResponse.Ok(new QuerySampleResponse(Sns).Build("Publish")));

        var messageId = await CreateSut().PublishAsync(Topic, "m", "s", CancellationToken.None);

        Assert.Equal("sample-MessageId", messageId);
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Single(time.Waits);
    }

    [Fact]
    public async Task Publish_ThrottlingEveryTime_ThrowsThrottlingNamedAfterTheCode()
    {
        endpoint.Fallback = _ => new ScriptedResponse(400, new QuerySampleResponse(Sns).ErrorBody("Throttling", "Rate exceeded"));

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => CreateSut().PublishAsync(Topic, "m", "s", CancellationToken.None));

        Assert.Equal(ThrottlingRetry.MaxAttempts, endpoint.Requests.Count);
        Assert.Equal("SNS.ThrottlingException", SnsErrors.StatesErrorName(error));
    }

    [Fact]
    public async Task Publish_ErrorBodyNotXml_ThrowsServiceErrorWithStatusNamedTaskFailed()
    {
        endpoint.Then(new ScriptedResponse(502, "Bad Gateway"));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateSut().PublishAsync(Topic, "m", "s", CancellationToken.None));
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("HttpStatus502", error.ErrorCode);
        Assert.Equal("req-1", error.RequestId);
        // No SNS error was reported, so no SNS error name: the task fails as any other task failure.
        Assert.Equal(SnsErrors.TaskFailed, SnsErrors.StatesErrorName(error));
    }

    [Theory]
    [InlineData("<html>gateway</html>", "<html>")]
    [InlineData("not xml at all", "not XML")]
    [InlineData("<PublishResponse><PublishResult/></PublishResponse>", "MessageId")]
    public async Task Publish_SuccessBodyNotTheModelsResponse_ThrowsInvalidResponseNamingIt(string body, string expected)
    {
        endpoint.Then(ScriptedResponse.Ok(body));
        var error = await Assert.ThrowsAsync<InvalidServiceResponseException>(() => CreateSut().PublishAsync(Topic, "m", "s", CancellationToken.None));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(SnsErrors.TaskFailed, SnsErrors.StatesErrorName(error));
    }

    private static string StatesName(string shape) => "SNS." + (shape.EndsWith("Exception", StringComparison.Ordinal) ? shape : shape + "Exception");

    private SnsClient CreateSut() => new(TestClients.For(AwsService.Sns, endpoint, time));
}
