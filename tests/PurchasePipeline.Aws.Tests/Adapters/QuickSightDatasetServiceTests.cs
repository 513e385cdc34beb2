using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Tests.Adapters;

/// <summary>The QuickSight dataset adapter asks for its account setting before it calls QuickSight.</summary>
public sealed class QuickSightDatasetServiceTests : IAsyncDisposable
{
    private readonly FakeAwsEndpoint endpoint = new();

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task CreateIngestionAsync_NoAccountId_ThrowsNamingQuickSightAccountIdWithoutCalling(string? accountId)
    {
        var sut = new QuickSightDatasetService(
            new QuickSightClient(TestClients.For(AwsService.QuickSight, endpoint)),
            new AwsSettings { Region = TestClients.Region, QuickSightAccountId = accountId });

        var error = await Assert.ThrowsAsync<MissingSettingException>(() => sut.CreateIngestionAsync("sales", "pp-jr_1", CancellationToken.None));

        Assert.Equal(AwsSettings.QuickSightAccountIdVariable, error.Variable);
        Assert.Empty(endpoint.Requests);
    }
}
