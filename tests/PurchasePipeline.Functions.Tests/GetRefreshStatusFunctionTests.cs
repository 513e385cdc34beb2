using PurchasePipeline.Functions.Tests.Support;

namespace PurchasePipeline.Functions.Tests;

public class GetRefreshStatusFunctionTests
{
    private const string IngestionId = "pp-jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e";

    private readonly FunctionHarness harness = new();

    [Theory]
    [InlineData("QUEUED")]
    [InlineData("COMPLETED")]
    public async Task HandleAsync_IngestionStatus_WritesItWithNullErrorAndTheEchoedPoll(string state)
    {
        harness.Dataset.SetIngestion("purchases-daily", IngestionId, state);

        var output = await FunctionHarness.HandleAsync(new GetRefreshStatusFunction(harness.Ports).HandleAsync, "GetRefreshStatus");

        Assert.Equal($$"""{"ingestionId":"{{IngestionId}}","state":"{{state}}","errorMessage":null,"poll":3}""", output.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_IngestionFailed_WritesItsErrorMessage()
    {
        harness.Dataset.SetIngestion("purchases-daily", IngestionId, "FAILED", "DATA_SOURCE_NOT_FOUND");

        var output = await FunctionHarness.HandleAsync(new GetRefreshStatusFunction(harness.Ports).HandleAsync, "GetRefreshStatus");

        Assert.Equal("FAILED", (string?)output["state"]);
        Assert.Equal("DATA_SOURCE_NOT_FOUND", (string?)output["errorMessage"]);
    }
}
