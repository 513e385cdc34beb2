namespace PurchasePipeline.Aws.QuickSight;

// The members of QuickSight's model (quicksight 2018-04-01) the pipeline sends and reads, with the model's
// exact names. AwsAccountId, DataSetId and IngestionId travel in the URI (location "uri"), not the body.

internal sealed record CreateIngestionBody(string? IngestionType);

internal sealed record CreateIngestionResponse(string? Arn, string? IngestionId, string? IngestionStatus, string? RequestId);

internal sealed record DescribeIngestionResponse(Ingestion? Ingestion, string? RequestId);

internal sealed record Ingestion(string? Arn, string? IngestionId, string? IngestionStatus, ErrorInfo? ErrorInfo);

internal sealed record ErrorInfo(string? Type, string? Message);
