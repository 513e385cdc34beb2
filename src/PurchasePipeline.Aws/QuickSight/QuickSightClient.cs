using System.Text.Json;
using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.QuickSight;

/// <summary>The two QuickSight operations the pipeline calls (REST-JSON: PUT and GET on the ingestion's URI).</summary>
internal sealed class QuickSightClient(AwsClient client)
{
    /// <summary>The refresh the pipeline asks for: the whole dataset (the model's IngestionType FULL_REFRESH).</summary>
    public const string FullRefresh = "FULL_REFRESH";

    /// <summary>The model's http.requestUri of both operations, with each label escaped.</summary>
    public static string IngestionPath(string accountId, string dataSetId, string ingestionId) =>
        $"/accounts/{Uri.EscapeDataString(accountId)}/data-sets/{Uri.EscapeDataString(dataSetId)}/ingestions/{Uri.EscapeDataString(ingestionId)}";

    public async Task<string> CreateIngestionAsync(string accountId, string dataSetId, string ingestionId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new CreateIngestionBody(FullRefresh), QuickSightJson.Default.CreateIngestionBody);
        var reply = await client.CallRestAsync(HttpMethod.Put, "CreateIngestion", IngestionPath(accountId, dataSetId, ingestionId), body,
            QuickSightJson.Default.CreateIngestionResponse, claim: null, cancellationToken).ConfigureAwait(false);
        return reply.Body.IngestionStatus ?? "INITIALIZED";
    }

    public async Task<Ingestion> DescribeIngestionAsync(string accountId, string dataSetId, string ingestionId, CancellationToken cancellationToken)
    {
        var reply = await client.CallRestAsync(HttpMethod.Get, "DescribeIngestion", IngestionPath(accountId, dataSetId, ingestionId), body: null,
            QuickSightJson.Default.DescribeIngestionResponse, claim: null, cancellationToken).ConfigureAwait(false);
        var ingestion = reply.Required(reply.Body.Ingestion, "Ingestion");
        reply.Required(ingestion.IngestionStatus, "Ingestion.IngestionStatus");
        return ingestion;
    }
}
