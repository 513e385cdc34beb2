using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class GetRefreshStatusTaskTests
{
    private readonly FakeDatasetService datasets = new();

    [Theory]
    [InlineData("INITIALIZED")]
    [InlineData("QUEUED")]
    [InlineData("RUNNING")]
    [InlineData("COMPLETED")]
    public async Task RunAsync_AnyIngestionStatus_PassesItThroughAndEchoesPoll(string state)
    {
        datasets.SetIngestion("ds", "pp-jr_1", state);

        var result = await CreateSut().RunAsync(new GetRefreshStatusRequest("ds", "pp-jr_1", 6), CancellationToken.None);

        Assert.Equal(new RefreshResult("pp-jr_1", state, null, Poll: 6), result);
    }

    [Fact]
    public async Task RunAsync_IngestionFailed_ReportsItsErrorMessage()
    {
        datasets.SetIngestion("ds", "pp-jr_1", "FAILED", "SPICE capacity exceeded");

        var result = await CreateSut().RunAsync(new GetRefreshStatusRequest("ds", "pp-jr_1", 2), CancellationToken.None);

        Assert.Equal(new RefreshResult("pp-jr_1", "FAILED", "SPICE capacity exceeded", Poll: 2), result);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("CANCELLED")]
    public async Task RunAsync_IngestionEndedWithoutMessage_SaysSoInsteadOfNull(string state)
    {
        datasets.SetIngestion("ds", "pp-jr_1", state);

        var result = await CreateSut().RunAsync(new GetRefreshStatusRequest("ds", "pp-jr_1", 2), CancellationToken.None);

        Assert.Equal($"the dataset refresh gave no error message for this {state} outcome", result.ErrorMessage);
    }

    [Fact]
    public async Task RunAsync_UnknownIngestion_PropagatesEntityNotFound()
    {
        await Assert.ThrowsAsync<EntityNotFoundException>(() => CreateSut().RunAsync(new GetRefreshStatusRequest("ds", "pp-nope", 1), CancellationToken.None));
    }

    [Theory]
    [InlineData(null, "pp-jr_1", 1, "$.datasetId")]
    [InlineData("ds", null, 1, "$.ingestionId")]
    [InlineData("ds", "pp-jr_1", null, "$.poll")]
    public async Task RunAsync_RequiredFieldMissing_ThrowsInvalidTaskInputNamingIt(string? datasetId, string? ingestionId, int? poll, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new GetRefreshStatusRequest(datasetId, ingestionId, poll), CancellationToken.None));

        Assert.Equal(field, error.Field);
    }

    private GetRefreshStatusTask CreateSut() => new(datasets);
}
