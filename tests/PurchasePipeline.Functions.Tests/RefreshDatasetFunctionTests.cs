using PurchasePipeline.Functions.Tests.Support;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Functions.Tests;

public class RefreshDatasetFunctionTests
{
    private const string RunId = "jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e";

    private readonly FakeDatasetService datasets = new();

    [Fact]
    public async Task HandleAsync_JobRun_CreatesTheIngestionNamedAfterIt()
    {
        var output = await FunctionHarness.HandleAsync(CreateSut().HandleAsync, "RefreshDataset");

        Assert.Equal([("purchases-daily", "pp-" + RunId)], datasets.Created);
        Assert.Equal($$"""{"ingestionId":"pp-{{RunId}}","state":"INITIALIZED","errorMessage":null,"poll":0}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_RetriedCall_SameIngestionIdAndNoSecondIngestion()
    {
        var sut = CreateSut();

        var first = await FunctionHarness.HandleAsync(sut.HandleAsync, "RefreshDataset");
        var retried = await FunctionHarness.HandleAsync(sut.HandleAsync, "RefreshDataset");

        Assert.Equal((string?)first["ingestionId"], (string?)retried["ingestionId"]);
        Assert.Single(datasets.Created);
    }

    private RefreshDatasetFunction CreateSut() => new(new FunctionHarness { Dataset = datasets }.Ports);
}
