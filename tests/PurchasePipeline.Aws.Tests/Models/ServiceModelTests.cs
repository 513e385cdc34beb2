using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// What every service's model tests share: botocore's model of the service, a fake endpoint that answers
/// with model-shaped responses, and the checks that the model is recorded and our service settings match it.
/// </summary>
public abstract class ServiceModelTests : IAsyncDisposable
{
    private readonly AwsService service;
    private readonly ITestOutputHelper output;

    private protected ServiceModelTests(string modelName, AwsService service, ITestOutputHelper output)
    {
        Model = ServiceModel.Load(modelName);
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

    private protected AwsClient Client() => TestClients.For(service, Endpoint);
}
