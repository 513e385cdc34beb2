using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Sns;
using PurchasePipeline.Aws.Tests.Support;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>The Publish request we build fits the sns model (query protocol; botocore's and aws-sdk's), and model-shaped XML parses.</summary>
public abstract class SnsModelTests(ModelSource source, ITestOutputHelper output) : ServiceModelTests("sns", AwsService.Sns, source, output)
{
    private const string Topic = "arn:aws:sns:eu-west-1:123456789012:purchase-pipeline-alerts";

    [Fact]
    public void Service_QueryProtocolAndApiVersion_MatchModel() => QueryModelAssert.DescribesModel(AwsService.Sns, Model);

    [Fact]
    public void EndpointVariable_IsTheSdksNameForTheModelsServiceId()
    {
        Assert.Equal("SNS", (string)Model.Metadata["serviceId"]!);
        Assert.Equal("AWS_ENDPOINT_URL_SNS", AwsService.Sns.EndpointVariable);
    }

    [Fact]
    public async Task Publish_TopicSubjectAndMessage_FitsModelAndSignsForSns()
    {
        RespondXml("Publish");
        await CreateSut().PublishAsync(Topic, """{"error":"GlueJobFailed"}""", "purchase-pipeline failed at GetJobRun: GlueJobFailed", CancellationToken.None);

        var request = Endpoint.OnlyRequest();
        var form = QueryModelAssert.QueryRequest(Model, "Publish", request, AwsService.Sns);
        Assert.Equal(["TopicArn", "Message", "Subject"], form.Select(m => m.Key));
        Assert.Contains($"/{TestClients.Region}/sns/aws4_request,", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MessageWithFormSyntaxAndUnicode_ArrivesUnchanged()
    {
        const string message = "{\"cause\":\"a=1&b=2 + 3% of rows; 10 € \\n next\"}\nsecond line";
        RespondXml("Publish");
        await CreateSut().PublishAsync(Topic, message, subject: null, CancellationToken.None);

        var form = QueryModelAssert.QueryRequest(Model, "Publish", Endpoint.OnlyRequest(), AwsService.Sns);
        Assert.Equal(message, (string?)form["Message"]);
        Assert.False(form.ContainsKey("Subject"));
    }

    [Fact]
    public async Task Publish_ModelShapedResponse_ReturnsMessageId()
    {
        RespondXml("Publish");
        var messageId = await CreateSut().PublishAsync(Topic, "m", "s", CancellationToken.None);
        Assert.Equal("sample-MessageId", messageId);
    }

    [Fact]
    public void PublishInput_RequiredMembers_AreOnlyMessage()
    {
        // The model requires Message only; TopicArn is one of TopicArn/TargetArn/PhoneNumber, and the client always sends it.
        Assert.Equal(["Message"], Model.Shape(Model.InputShape("Publish"))["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("PublishResult", (string)Model.Operation("Publish")["output"]!["resultWrapper"]!);
    }

    private void RespondXml(string operation) => Endpoint.Then(ScriptedResponse.Ok(new QuerySampleResponse(Model).Build(operation)));

    private SnsClient CreateSut() => new(Client());
}

/// <summary>Against botocore's model: enum values, patterns and lengths.</summary>
[Trait("Requires", "botocore")]
public sealed class SnsBotocoreModelTests(ITestOutputHelper output) : SnsModelTests(ModelSource.Botocore, output);

/// <summary>Against aws-sdk's current model: members, types and required lists as AWS has them now.</summary>
[Trait("Requires", "aws-sdk")]
public sealed class SnsCurrentModelTests(ITestOutputHelper output) : SnsModelTests(ModelSource.AwsSdk, output);
