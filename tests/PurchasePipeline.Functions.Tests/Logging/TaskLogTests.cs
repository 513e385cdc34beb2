using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.Functions.Logging;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests.Logging;

/// <summary>
/// The handlers' JSON log lines in Lambda: one JSON object per line with timestamp, level and message (Lambda's JSON
/// log shape, docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html) and the Powertools-style
/// fields function_name and xray_trace_id (Powertools for AWS Lambda (.NET), "Logging"), plus the execution id and state
/// name the definition passes in the "log" parameter.
/// </summary>
public sealed class TaskLogTests : IDisposable
{
    private const string Execution = "arn:aws:states:eu-west-1:123456789012:execution:purchase-pipeline:run-1";
    private const string Trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private readonly FakeCrawlerService crawler = new();
    private readonly StringWriter output = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => output.Dispose();

    [Fact]
    public async Task RunAsync_InLambdaWithTheLogParameter_EveryLineCarriesExecutionStateFunctionAndTrace()
    {
        await RunAsync($$$"""{"crawlerName": "raw", "log": {"executionId": "{{{Execution}}}", "stateName": "StartCrawler"}}""");

        var lines = Lines();
        Assert.Equal(["Task started", "Task succeeded"], lines.Select(l => (string?)l["message"]));
        Assert.All(lines, line =>
        {
            Assert.Equal("2026-11-25T12:00:00.000Z", (string?)line["timestamp"]);
            Assert.Equal("INFO", (string?)line["level"]);
            Assert.Equal(Execution, (string?)line["execution_id"]);
            Assert.Equal("StartCrawler", (string?)line["state_name"]);
            Assert.Equal("purchase-pipeline-StartCrawler", (string?)line["function_name"]);
            Assert.Equal(Trace, (string?)line["xray_trace_id"]);
        });
        Assert.Equal(["raw"], crawler.Started);
    }

    [Fact]
    public async Task RunAsync_TaskFails_LogsAnErrorLineWithTheErrorNameAndRethrows()
    {
        crawler.StartException = new AccessDeniedException("glue:StartCrawler denied");

        await Assert.ThrowsAsync<AccessDeniedException>(() => RunAsync($$$"""{"crawlerName": "raw", "log": {"executionId": "{{{Execution}}}", "stateName": "StartCrawler"}}"""));

        var failed = Lines()[^1];
        Assert.Equal("ERROR", (string?)failed["level"]);
        Assert.Equal("Task failed: AccessDeniedException: glue:StartCrawler denied", (string?)failed["message"]);
        Assert.Equal("AccessDeniedException", (string?)failed["error"]);
        Assert.Equal(Execution, (string?)failed["execution_id"]);
    }

    [Fact]
    public async Task RunAsync_MalformedInput_StillLogsAndReportsTheRequestsOwnError()
    {
        await Assert.ThrowsAsync<InvalidTaskInputException>(() => RunAsync("""{"crawlerName": """));

        var failed = Lines()[^1];
        Assert.Equal("InvalidTaskInputException", (string?)failed["error"]);
        Assert.Null(failed["execution_id"]);
    }

    [Fact]
    public void For_OutsideLambda_WritesNothing()
    {
        var logger = TaskLog.For(_ => null, output, time);

        Assert.False(logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Critical));
    }

    private async Task RunAsync(string input)
    {
        var environment = (string name) => name switch
        {
            "AWS_LAMBDA_FUNCTION_NAME" => "purchase-pipeline-StartCrawler",
            "_X_AMZN_TRACE_ID" => Trace,
            _ => null,
        };
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        await TaskStream.RunAsync(
            stream, TaskJson.Default.StartCrawlerRequest, TaskJson.Default.CrawlerResult, new StartCrawlerTask(crawler).RunAsync,
            TaskLog.For(environment, output, time), environment, CancellationToken.None);
    }

    private List<JsonNode> Lines() =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
}
