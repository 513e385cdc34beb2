using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Adapters;
using PurchasePipeline.Aws.Glue;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Aws.Tests.Support;
using PurchasePipeline.Core.Ports;
using PurchasePipeline.TestUtils.Contracts;

namespace PurchasePipeline.Aws.Tests.Contracts;

/// <summary>The crawler contract on Glue, behind a fake endpoint that crawls as Glue reports it (READY → RUNNING → READY).</summary>
public sealed class GlueCrawlerServiceContractTests : CrawlerServiceContract, IAsyncDisposable
{
    private readonly FakeAwsEndpoint endpoint = new();
    private string state = "READY";
    private string? lastCrawl;

    public GlueCrawlerServiceContractTests() => endpoint.Fallback = Serve;

    protected override string CrawlerName => "purchases-raw";

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    protected override ICrawlerService CreateSut() => new GlueCrawlerService(new GlueClient(TestClients.For(AwsService.Glue, endpoint)));

    private ScriptedResponse Serve(RecordedRequest request)
    {
        var name = (string?)JsonNode.Parse(request.BodyText)?["Name"];
        switch (request.Header("X-Amz-Target"))
        {
            case "AWSGlue.StartCrawler" when state == "RUNNING":
                return ScriptedResponse.Error(400, "CrawlerRunningException", $"Crawler with name {name} has already started");
            case "AWSGlue.StartCrawler":
                state = "RUNNING";
                return ScriptedResponse.Ok("{}");
            default:
                var last = lastCrawl is null ? "" : $$""","LastCrawl":{"Status":"{{lastCrawl}}"}""";
                var body = $$$"""{"Crawler":{"Name":"{{{name}}}","State":"{{{state}}}"{{{last}}}}}""";
                if (state == "RUNNING")
                {
                    (state, lastCrawl) = ("READY", "SUCCEEDED");
                }

                return ScriptedResponse.Ok(body);
        }
    }
}
