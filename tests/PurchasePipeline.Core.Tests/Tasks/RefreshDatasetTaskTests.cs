using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Tasks;
using PurchasePipeline.TestUtils.Fakes;

namespace PurchasePipeline.Core.Tests.Tasks;

public class RefreshDatasetTaskTests
{
    private const string GlueRunId = "jr_3f1b2c8e9d0a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e";

    private readonly FakeDatasetService datasets = new();

    [Fact]
    public async Task RunAsync_FirstCall_CreatesTheIngestionNamedAfterTheJobRun()
    {
        var result = await CreateSut().RunAsync(new RefreshDatasetRequest("purchases-ds", GlueRunId), CancellationToken.None);

        Assert.Equal([("purchases-ds", "pp-" + GlueRunId)], datasets.Created);
        Assert.Equal(new RefreshResult("pp-" + GlueRunId, "INITIALIZED", null, Poll: 0), result);
    }

    [Fact]
    public async Task RunAsync_RetriedAfterTheIngestionWasCreated_DoesNotStartASecondOne()
    {
        var sut = CreateSut();
        var request = new RefreshDatasetRequest("purchases-ds", GlueRunId);
        await sut.RunAsync(request, CancellationToken.None);
        datasets.SetIngestion("purchases-ds", "pp-" + GlueRunId, "RUNNING");

        var retried = await sut.RunAsync(request, CancellationToken.None);

        Assert.Single(datasets.Created);
        Assert.Equal(new RefreshResult("pp-" + GlueRunId, "RUNNING", null, Poll: 0), retried);
    }

    [Fact]
    public async Task RunAsync_SameJobRunOnAnotherCall_SameIngestionId()
    {
        var first = await new RefreshDatasetTask(new FakeDatasetService()).RunAsync(new RefreshDatasetRequest("ds", "jr_1"), CancellationToken.None);
        var second = await new RefreshDatasetTask(new FakeDatasetService()).RunAsync(new RefreshDatasetRequest("ds", "jr_1"), CancellationToken.None);

        Assert.Equal(first.IngestionId, second.IngestionId);
    }

    [Fact]
    public async Task RunAsync_CreateThrottled_Propagates()
    {
        datasets.CreateException = new ThrottlingException("Rate exceeded");

        await Assert.ThrowsAsync<ThrottlingException>(() => CreateSut().RunAsync(new RefreshDatasetRequest("ds", "jr_1"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null, "jr_1", "$.datasetId")]
    [InlineData("", "jr_1", "$.datasetId")]
    [InlineData("ds", null, "$.jobRunId")]
    public async Task RunAsync_RequiredFieldMissing_ThrowsInvalidTaskInputNamingIt(string? datasetId, string? jobRunId, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidTaskInputException>(
            () => CreateSut().RunAsync(new RefreshDatasetRequest(datasetId, jobRunId), CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Empty(datasets.Created);
    }

    private RefreshDatasetTask CreateSut() => new(datasets);
}
