using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Core.Tasks;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>QuickSight's REST routes, URI labels (IngestionId pattern) and bodies fit the quicksight model (botocore's and aws-sdk's).</summary>
public abstract class QuickSightModelTests(ModelSource source, ITestOutputHelper output) : ServiceModelTests("quicksight", AwsService.QuickSight, source, output)
{
    private const string Account = "123456789012";

    [Theory]
    [InlineData("jr_4f1c2d")]
    [InlineData("run id with spaces/and:colons")]
    [InlineData("jr_0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task CreateIngestion_IngestionIdOfAnyRun_FitsRouteAndPattern(string jobRunId)
    {
        Respond("CreateIngestion");
        var ingestionId = IngestionIds.ForJobRun(jobRunId);

        var status = await CreateSut().CreateIngestionAsync(Account, "sales-dataset", ingestionId, CancellationToken.None);

        var labels = ModelAssert.RestRequest(Model, "CreateIngestion", Endpoint.OnlyRequest(), AwsService.QuickSight);
        Assert.Equal(ingestionId, labels["IngestionId"]);
        Assert.Equal(Account, labels["AwsAccountId"]);
        Assert.Equal(SampleString("IngestionStatus", "IngestionStatus"), status);
    }

    [Fact]
    public async Task DescribeIngestion_ModelShapedResponse_Parses()
    {
        Respond("DescribeIngestion");
        var ingestion = await CreateSut().DescribeIngestionAsync(Account, "sales-dataset", "pp-jr_1", CancellationToken.None);
        ModelAssert.RestRequest(Model, "DescribeIngestion", Endpoint.OnlyRequest(), AwsService.QuickSight);
        Assert.Equal(SampleString("IngestionStatus", "IngestionStatus"), ingestion.IngestionStatus);
        Assert.Equal("sample-Message", ingestion.ErrorInfo?.Message);
    }

    private QuickSightClient CreateSut() => new(Client());
}

/// <summary>Against botocore's model: enum values, patterns and lengths.</summary>
[Trait("Requires", "botocore")]
public sealed class QuickSightBotocoreModelTests(ITestOutputHelper output) : QuickSightModelTests(ModelSource.Botocore, output);

/// <summary>Against aws-sdk's current model: members, types and required lists as AWS has them now.</summary>
[Trait("Requires", "aws-sdk")]
public sealed class QuickSightCurrentModelTests(ITestOutputHelper output) : QuickSightModelTests(ModelSource.AwsSdk, output);
