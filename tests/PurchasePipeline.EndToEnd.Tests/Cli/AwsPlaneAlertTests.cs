using System.Text.Json.Nodes;
using Amazon.Runtime;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>
/// The aws plane's alert: a run whose StartCrawler Glue refuses fails, and the alert rule's message for its FAILED status
/// goes to the SNS topic (a fake endpoint for every service) and to alerts/; a refused publish is said, not hidden.
/// </summary>
public sealed class AwsPlaneAlertTests : IAsyncDisposable
{
    private const string Region = "eu-west-1";
    private const string Topic = "arn:aws:sns:eu-west-1:123456789012:purchase-pipeline-alerts";
    private const string GlueRefusal = "User is not authorized to perform glue:StartCrawler";

    private readonly TempDirectory temp = new();
    private readonly FakeAwsEndpoint aws = new() { Fallback = request => new ScriptedResponse(500, $"no route for {request.Operation}") };
    private readonly List<string> console = [];

    public AwsPlaneAlertTests() =>
        aws.On("AWSGlue.StartCrawler", _ => ScriptedResponse.Error(400, "AccessDeniedException", GlueRefusal));

    public async ValueTask DisposeAsync()
    {
        await aws.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Run_StartCrawlerRefused_PublishesTheAlertRulesMessageOnceToTheTopicAndKeepsTheLocalCopy()
    {
        aws.On("Publish", _ => ScriptedResponse.SnsPublished("sns-message-1"));

        var run = await RunAsync();

        Assert.Equal("AccessDeniedException", run.Result.Error);
        Assert.Equal("StartCrawler", run.FailedState);
        var publish = Assert.Single(aws.Calls("Publish"));
        Assert.Equal(Topic, publish.Form["TopicArn"]);
        // As EventBridge's SNS target sends it: the transformed event, no subject.
        Assert.False(publish.Form.ContainsKey("Subject"));
        var message = JsonNode.Parse(publish.Form["Message"])!.AsObject();
        Assert.True(JsonNode.DeepEquals(run.Alert, message), message.ToJsonString());
        Alerts.AssertNames(message, "FAILED", "AccessDeniedException", run.Result.Cause, run.Record.ExecutionId, Fixtures.EventKey);
        Assert.Contains(GlueRefusal, (string?)message["cause"], StringComparison.Ordinal);
        Assert.Contains($"/{Region}/sns/aws4_request,", publish.Headers["Authorization"], StringComparison.Ordinal);

        var local = Assert.Single(Alerts.Written(temp.Path));
        Assert.Equal("sns-message-1", (string?)local["messageId"]);
        Assert.Equal(Topic, (string?)local["topicArn"]);
        Assert.Equal(publish.Form["Message"], (string?)local["message"]);
        Assert.Contains(console, line => line == "ALERT " + publish.Form["Message"]);
    }

    [Fact]
    public async Task Run_TopicNotFound_FailsWithTheOriginalErrorSaysTheAlertWasNotSentAndKeepsTheLocalCopy()
    {
        aws.On("Publish", _ => ScriptedResponse.SnsError(404, "NotFound", "Topic does not exist"));

        var run = await RunAsync();

        Assert.Equal(ExecutionStatus.Failed, run.Result.Status);
        Assert.Equal("AccessDeniedException", run.Result.Error);
        Assert.Contains(GlueRefusal, run.Result.Cause, StringComparison.Ordinal);
        Assert.Single(aws.Calls("Publish"));
        Assert.Single(Alerts.Written(temp.Path));
        Assert.Contains(console, line => line.StartsWith($"ALERT NOT SENT to {Topic}: SNS.NotFoundException:", StringComparison.Ordinal) && line.Contains("Topic does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateHost_WithoutAlertTopicVariable_ThrowsOneLineMissingSettingNamingIt()
    {
        var environment = Environment();
        environment.Remove(AwsPlane.AlertTopicVariable);

        var error = Assert.Throws<MissingSettingException>(() => CreateHost(environment));

        Assert.Equal($"environment variable {AwsPlane.AlertTopicVariable} is not set (run --plane aws)", error.Message);
    }

    private async Task<ExecutionOutcome> RunAsync()
    {
        var host = CreateHost(Environment());
        return await host.StartExecutionAsync(Fixtures.Read(Fixtures.ObjectCreatedEvent), name: "aws-alert", CancellationToken.None);
    }

    private PipelineHost CreateHost(Dictionary<string, string> environment) => AwsPlane.CreateHost(
        new LocalHome(temp.Path), new CliHarness.FixedTime(CliHarness.Now), waitScale: 0, console.Add,
        environment.GetValueOrDefault, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = aws.Endpoint,
        [AwsPlane.CrawlerVariable] = "purchase-pipeline-raw",
        [AwsPlane.JobVariable] = "clean_purchases",
        [AwsPlane.AlertTopicVariable] = Topic,
    };
}
