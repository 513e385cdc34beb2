namespace PurchasePipeline.Core.Errors;

/// <summary>A crawler, job, run, query, dataset or ingestion the call names does not exist.</summary>
public sealed class EntityNotFoundException : PipelineException
{
    public EntityNotFoundException(string message)
        : base(message)
    {
    }
}
