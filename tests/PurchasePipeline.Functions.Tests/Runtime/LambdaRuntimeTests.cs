using System.Text.Json.Nodes;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Functions.Runtime;
using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;
using PurchasePipeline.TestUtils.Http;

namespace PurchasePipeline.Functions.Tests.Runtime;

/// <summary>
/// The custom runtime's loop against a fake Lambda Runtime API (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html):
/// what it asks for and what it posts back. The API ending the loop (a refused next) is how each test stops it.
/// </summary>
public sealed class LambdaRuntimeTests : IAsyncDisposable
{
    private const string StartCrawlerHandler = "PurchasePipeline.Functions::PurchasePipeline.Functions.StartCrawlerFunction::HandleAsync";

    private readonly FakeAwsEndpoint api = new();
    private readonly FakeCrawlerService crawler = new();

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task RunAsync_AnInvocation_PostsTheHandlersResultUnderItsRequestId()
    {
        api.Then(Next("req-1", """{"crawlerName":"raw-crawler"}"""), Accepted(), Stop());

        await Assert.ThrowsAsync<HttpRequestException>(() => RunAsync(StartCrawlerHandler));

        var requests = api.Requests.ToList();
        Assert.Equal(["GET /2018-06-01/runtime/invocation/next", "POST /2018-06-01/runtime/invocation/req-1/response", "GET /2018-06-01/runtime/invocation/next"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("""{"state":"RUNNING","lastCrawlStatus":null,"lastCrawlError":null,"joined":false,"poll":0}""", requests[1].BodyText);
        Assert.Equal(["raw-crawler"], crawler.Started);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsTheErrorNamedByTheExceptionType()
    {
        crawler.StartException = new EntityNotFoundException("Crawler raw-crawler not found");
        api.Then(Next("req-2", """{"crawlerName":"raw-crawler"}"""), Accepted(), Stop());

        await Assert.ThrowsAsync<HttpRequestException>(() => RunAsync(StartCrawlerHandler));

        var error = api.Requests.ElementAt(1);
        Assert.Equal("/2018-06-01/runtime/invocation/req-2/error", error.Path);
        Assert.Equal(nameof(EntityNotFoundException), error.Header("Lambda-Runtime-Function-Error-Type"));
        var document = JsonNode.Parse(error.BodyText)!;
        Assert.Equal(nameof(EntityNotFoundException), (string?)document["errorType"]);
        Assert.Equal("Crawler raw-crawler not found", (string?)document["errorMessage"]);
    }

    [Fact]
    public async Task RunAsync_MalformedEvent_PostsInvalidTaskInputWithThePath()
    {
        api.Then(Next("req-3", """{"crawlerName": 7}"""), Accepted(), Stop());

        await Assert.ThrowsAsync<HttpRequestException>(() => RunAsync(StartCrawlerHandler));

        var document = JsonNode.Parse(api.Requests.ElementAt(1).BodyText)!;
        Assert.Equal(nameof(InvalidTaskInputException), (string?)document["errorType"]);
        Assert.Contains("$.crawlerName", (string?)document["errorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownHandler_ReportsAnInitErrorAndServesNothing()
    {
        api.Then(Accepted());

        var exitCode = await RunAsync("PurchasePipeline.Functions::Nope::HandleAsync");

        Assert.Equal(1, exitCode);
        var init = api.OnlyRequest();
        Assert.Equal("/2018-06-01/runtime/init/error", init.Path);
        var document = JsonNode.Parse(init.BodyText)!;
        Assert.Equal(nameof(KeyNotFoundException), (string?)document["errorType"]);
        Assert.StartsWith("_HANDLER 'PurchasePipeline.Functions::Nope::HandleAsync' names no task function; known: PurchasePipeline.Functions::", (string?)document["errorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionOf_EveryCatalogHandlerString_IsThatFunction()
    {
        Assert.All(FunctionCatalog.All, function => Assert.Same(function, LambdaRuntime.FunctionOf(function.Handler)));
    }

    private Task<int> RunAsync(string handler)
    {
        var environment = new Dictionary<string, string>
        {
            [RuntimeApi.AddressVariable] = api.Endpoint["http://".Length..],
            [LambdaRuntime.HandlerVariable] = handler,
        };
        return LambdaRuntime.RunAsync(environment.GetValueOrDefault, () => new FunctionHarness { Crawler = crawler }.Ports, CancellationToken.None);
    }

    private static ScriptedResponse Next(string requestId, string payload) =>
        new(200, payload, new Dictionary<string, string> { ["Lambda-Runtime-Aws-Request-Id"] = requestId, ["Lambda-Runtime-Trace-Id"] = "Root=1-abc" });

    private static ScriptedResponse Accepted() => new(202, """{"status":"OK"}""");

    private static ScriptedResponse Stop() => new(500, """{"errorMessage":"stop","errorType":"Test.Stop"}""");
}
