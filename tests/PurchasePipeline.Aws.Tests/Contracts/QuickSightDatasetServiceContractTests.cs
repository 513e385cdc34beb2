using System.Collections.Concurrent;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>The dataset contract on QuickSight, behind a fake endpoint that keeps ingestions as QuickSight does.</summary>
public sealed class QuickSightDatasetServiceContractTests : DatasetServiceContract, IAsyncDisposable
{
    private readonly FakeAwsEndpoint endpoint = new();
    private readonly ConcurrentDictionary<string, string> ingestions = new(StringComparer.Ordinal);

    public QuickSightDatasetServiceContractTests() => endpoint.Fallback = Serve;

    protected override string DatasetId => "sales";

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    protected override IDatasetService CreateSut() =>
        new QuickSightDatasetService(
            new QuickSightClient(TestClients.For(AwsService.QuickSight, endpoint)),
            new AwsSettings { Region = TestClients.Region, QuickSightAccountId = "123456789012" });

    private ScriptedResponse Serve(RecordedRequest request)
    {
        var id = request.RawPath[(request.RawPath.LastIndexOf('/') + 1)..];
        if (request.Method == "PUT")
        {
            return ingestions.TryAdd(id, "INITIALIZED")
                ? new ScriptedResponse(201, $$"""{"IngestionId":"{{id}}","IngestionStatus":"INITIALIZED","Status":201}""")
                : new ScriptedResponse(409, """{"Message":"ingestion exists"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceExistsException" });
        }

        return ingestions.TryGetValue(id, out var state)
            ? ScriptedResponse.Ok($$"""{"Ingestion":{"IngestionId":"{{id}}","IngestionStatus":"{{state}}"},"Status":200}""")
            : new ScriptedResponse(404, """{"Message":"ingestion not found"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException" });
    }
}
