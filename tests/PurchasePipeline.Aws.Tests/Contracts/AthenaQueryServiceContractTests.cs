using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Athena;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>
/// The query contract on Athena, behind a fake endpoint that runs queries as Athena does: started QUEUED,
/// then RUNNING, then SUCCEEDED or FAILED with a reason as they are polled; ExecutionParameters put into
/// the <c>?</c> positions verbatim (<see cref="FakeAthenaSql"/>); results led by a header row.
/// </summary>
[Trait("Requires", "botocore")]
public sealed class AthenaQueryServiceContractTests : QueryServiceContract, IAsyncDisposable
{
    private readonly FakeAwsEndpoint endpoint = new();
    private readonly FakeAthena athena = new("purchase-pipeline");

    public AthenaQueryServiceContractTests() => endpoint.Fallback = athena.Serve;

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    protected override IQueryService CreateSut() =>
        new AthenaQueryService(
            new AthenaClient(TestClients.For(AwsService.Athena, endpoint)),
            new AwsSettings { Region = TestClients.Region, AthenaWorkGroup = "purchase-pipeline", AthenaDatabase = "purchases" });
}
