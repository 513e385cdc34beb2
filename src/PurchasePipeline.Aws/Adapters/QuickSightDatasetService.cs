using PurchasePipeline.Aws.QuickSight;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>
/// The dataset port on QuickSight, in the configured account. DescribeIngestion of an unknown ingestion
/// throws EntityNotFoundException (QuickSight's ResourceNotFoundException), which RefreshDatasetTask needs;
/// creating an ingestion that exists is not an error (ingestion ids are per run), as locally.
/// </summary>
public sealed class QuickSightDatasetService : IDatasetService
{
    private readonly QuickSightClient quickSight;
    private readonly AwsSettings settings;

    internal QuickSightDatasetService(QuickSightClient quickSight, AwsSettings settings)
    {
        this.quickSight = quickSight;
        this.settings = settings;
    }

    public async Task CreateIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken)
    {
        try
        {
            await quickSight.CreateIngestionAsync(Account(), datasetId, ingestionId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceExistsException")
        {
            // An earlier attempt created it; its status is read by the next poll.
        }
    }

    public async Task<IngestionStatus> DescribeIngestionAsync(string datasetId, string ingestionId, CancellationToken cancellationToken)
    {
        var ingestion = await quickSight.DescribeIngestionAsync(Account(), datasetId, ingestionId, cancellationToken).ConfigureAwait(false);
        return new IngestionStatus(ingestion.IngestionId ?? ingestionId, ingestion.IngestionStatus!, ingestion.ErrorInfo?.Message);
    }

    private string Account() =>
        AwsSettings.Required(settings.QuickSightAccountId, AwsSettings.QuickSightAccountIdVariable, "the account that owns the QuickSight dataset");
}
