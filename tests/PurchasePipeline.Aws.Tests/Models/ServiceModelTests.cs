using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// What every service's model tests share: the service's model from one source, a fake endpoint that answers
/// with model-shaped responses, and the checks that the model is recorded and our service settings match it.
/// Each service's tests run on both sources (a subclass for each): botocore's constraints, aws-sdk's current members.
/// </summary>
public abstract class ServiceModelTests : IAsyncDisposable
{
    private readonly AwsService service;
    private readonly ITestOutputHelper output;

    private protected ServiceModelTests(string modelName, AwsService service, ModelSource source, ITestOutputHelper output)
    {
        Model = ServiceModel.Load(modelName, source);
        this.service = service;
        this.output = output;
    }

    private protected ServiceModel Model { get; }

    private protected FakeAwsEndpoint Endpoint { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Endpoint.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Model_Version_IsRecorded()
    {
        output.WriteLine("model: " + Model.Describe());
        Assert.NotEmpty(Model.ApiVersion);
    }

    [Fact]
    public void Service_Metadata_MatchesModel() => ModelAssert.DescribesModel(service, Model);

    /// <summary>The next call gets a response built from the operation's output shape.</summary>
    private protected void Respond(string operation) =>
        Endpoint.Then(ScriptedResponse.Ok(new SampleResponse(Model).Build(Model.OutputShape(operation)).ToJsonString()));

    /// <summary>What a sample response holds in a string member: its enum's first value (botocore), else sample-{member} (aws-sdk has no enums).</summary>
    private protected string SampleString(string member, string enumShape) =>
        Model.HasConstraints ? (string)Model.Shape(enumShape)["enum"]![0]! : "sample-" + member;

    private protected AwsClient Client() => TestClients.For(service, Endpoint);
}
